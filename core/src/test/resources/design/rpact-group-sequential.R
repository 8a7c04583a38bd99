# Reference values for GroupSequentialAgreesWithRpactTest. Not run by the tests: run it by hand with
#   Rscript core/src/test/resources/design/rpact-group-sequential.R > /tmp/cases.txt
# and paste the printed Java into the test. R 4.2.2 Patched (2022-11-10 r83330), rpact 3.3.4 (Debian packages
# r-base-core, r-cran-rpact).
suppressMessages(library(rpact))
cat("// ", R.version.string, ", rpact ", as.character(packageVersion("rpact")), "\n", sep = "")

num <- function(x) {
  if (is.null(x) || length(x) == 0) return("new double[0]")
  paste0("new double[] {", paste(sprintf("%.17g", x), collapse = ", "), "}")
}
str <- function(s) paste0('"', gsub('"', '\\\\"', s), '"')

design <- function(call, spec) {
  d <- eval(parse(text = call))
  ch <- getDesignCharacteristics(d)
  fut <- if (length(d$futilityBounds) > 0 && !all(is.na(d$futilityBounds))) d$futilityBounds else numeric(0)
  if (length(fut) > 0 && all(fut <= -6)) fut <- numeric(0)
  futP <- ch$futilityProbabilities
  if (d$sided == 2 && length(fut) > 0) {
    # two-sided beta spending (rpact: experimental): a look without a futility bound is NA in rpact, 0 (an empty
    # inner region |Z| < 0) in ours
    fut[is.na(fut)] <- 0
  }
  cat("      new DesignCase(", str(call), ",\n", sep = "")
  cat("          ", spec, ",\n", sep = "")
  cat("          ", num(d$criticalValues), ",\n", sep = "")
  cat("          ", num(d$alphaSpent), ",\n", sep = "")
  cat("          ", num(d$stageLevels), ",\n", sep = "")
  cat("          ", num(fut), ",\n", sep = "")
  cat("          ", num(ch$power), ",\n", sep = "")
  cat("          ", num(futP), ",\n", sep = "")
  cat("          ", sprintf("%.17g", ch$inflationFactor), ", ", sprintf("%.17g", ch$averageSampleNumber1), ", ",
      sprintf("%.17g", ch$averageSampleNumber0), "),\n", sep = "")
}

# spec strings are Java expressions: spec(informationRates, alpha, sides, power, efficacy, futility, binding)
design('getDesignGroupSequential(kMax = 2, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF")',
  'spec(eq(2), 0.025, 1, 0.8, "of", "none", false)')
design('getDesignGroupSequential(informationRates = c(0.3, 0.7, 1), alpha = 0.025, beta = 0.1, sided = 1, typeOfDesign = "asP")',
  'spec(rates(0.3, 0.7, 1), 0.025, 1, 0.9, "pocock", "none", false)')
design('getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asHSD", gammaA = -4)',
  'spec(eq(4), 0.025, 1, 0.8, "hsd:-4", "none", false)')
design('getDesignGroupSequential(informationRates = c(0.2, 0.35, 0.6, 0.8, 1), alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asKD", gammaA = 3)',
  'spec(rates(0.2, 0.35, 0.6, 0.8, 1), 0.025, 1, 0.8, "kd:3", "none", false)')
design('getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "OF")',
  'spec(eq(3), 0.025, 1, 0.8, "classical-of", "none", false)')
design('getDesignGroupSequential(informationRates = c(0.25, 0.5, 0.8, 1), alpha = 0.05, beta = 0.2, sided = 1, typeOfDesign = "P")',
  'spec(rates(0.25, 0.5, 0.8, 1), 0.05, 1, 0.8, "classical-pocock", "none", false)')
design('getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = "asOF")',
  'spec(eq(3), 0.05, 2, 0.8, "of", "none", false)')
design('getDesignGroupSequential(informationRates = c(0.4, 0.6, 0.9, 1), alpha = 0.05, beta = 0.1, sided = 2, typeOfDesign = "asHSD", gammaA = 1)',
  'spec(rates(0.4, 0.6, 0.9, 1), 0.05, 2, 0.9, "hsd:1", "none", false)')
design('getDesignGroupSequential(kMax = 5, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = "OF")',
  'spec(eq(5), 0.05, 2, 0.8, "classical-of", "none", false)')
design('getDesignGroupSequential(informationRates = c(0.6, 1), alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = "P")',
  'spec(rates(0.6, 1), 0.05, 2, 0.8, "classical-pocock", "none", false)')
design('getDesignGroupSequential(kMax = 5, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = "asP")',
  'spec(eq(5), 0.05, 2, 0.8, "pocock", "none", false)')
design('getDesignGroupSequential(informationRates = c(0.5, 0.75, 1), alpha = 0.01, beta = 0.2, sided = 2, typeOfDesign = "asKD", gammaA = 2)',
  'spec(rates(0.5, 0.75, 1), 0.01, 2, 0.8, "kd:2", "none", false)')
design('getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF", typeBetaSpending = "bsOF")',
  'spec(eq(3), 0.025, 1, 0.8, "of", "beta-of", false)')
design('getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asKD", gammaA = 2, typeBetaSpending = "bsP", bindingFutility = TRUE)',
  'spec(eq(4), 0.025, 1, 0.8, "kd:2", "beta-pocock", true)')
design('getDesignGroupSequential(kMax = 5, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asHSD", gammaA = -4, typeBetaSpending = "bsHSD", gammaB = -2)',
  'spec(eq(5), 0.025, 1, 0.8, "hsd:-4", "beta-hsd:-2", false)')
design('getDesignGroupSequential(informationRates = c(0.4, 1), alpha = 0.025, beta = 0.1, sided = 1, typeOfDesign = "asOF", typeBetaSpending = "bsKD", gammaB = 2, bindingFutility = TRUE)',
  'spec(rates(0.4, 1), 0.025, 1, 0.9, "of", "beta-kd:2", true)')
design('getDesignGroupSequential(informationRates = c(0.3, 0.5, 0.7, 0.85, 1), alpha = 0.025, beta = 0.1, sided = 1, typeOfDesign = "asOF", typeBetaSpending = "bsOF", bindingFutility = TRUE)',
  'spec(rates(0.3, 0.5, 0.7, 0.85, 1), 0.025, 1, 0.9, "of", "beta-of", true)')
design('getDesignGroupSequential(kMax = 5, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asP", typeBetaSpending = "bsP")',
  'spec(eq(5), 0.025, 1, 0.8, "pocock", "beta-pocock", false)')
design('getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF", futilityBounds = c(0, 0.5))',
  'spec(eq(3), 0.025, 1, 0.8, "of", "z:0,0.5", false)')
design('getDesignGroupSequential(informationRates = c(0.2, 0.5, 0.75, 1), alpha = 0.05, beta = 0.2, sided = 1, typeOfDesign = "asP", futilityBounds = c(-0.5, 0, 0.5), bindingFutility = TRUE)',
  'spec(rates(0.2, 0.5, 0.75, 1), 0.05, 1, 0.8, "pocock", "z:-0.5,0,0.5", true)')
design('getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "OF", futilityBounds = c(0, 0), bindingFutility = TRUE)',
  'spec(eq(3), 0.025, 1, 0.8, "classical-of", "z:0,0", true)')
design('getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "P", futilityBounds = c(0, 0, 0))',
  'spec(eq(4), 0.025, 1, 0.8, "classical-pocock", "z:0,0,0", false)')

# two-sided designs with beta-spending futility (inner region |Z| < b; rpact warns that the approach is experimental)
design('getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = "asOF", typeBetaSpending = "bsP")',
  'spec(eq(3), 0.05, 2, 0.8, "of", "beta-pocock", false)')
design('getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = "asOF", typeBetaSpending = "bsP", bindingFutility = TRUE)',
  'spec(eq(3), 0.05, 2, 0.8, "of", "beta-pocock", true)')
design('getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = "asOF", typeBetaSpending = "bsOF")',
  'spec(eq(3), 0.05, 2, 0.8, "of", "beta-of", false)')
design('getDesignGroupSequential(informationRates = c(0.4, 0.7, 1), alpha = 0.05, beta = 0.1, sided = 2, typeOfDesign = "asKD", gammaA = 2, typeBetaSpending = "bsKD", gammaB = 2)',
  'spec(rates(0.4, 0.7, 1), 0.05, 2, 0.9, "kd:2", "beta-kd:2", false)')
design('getDesignGroupSequential(kMax = 4, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = "asP", typeBetaSpending = "bsHSD", gammaB = -2, bindingFutility = TRUE)',
  'spec(eq(4), 0.05, 2, 0.8, "pocock", "beta-hsd:-2", true)')

# Survival designs for GroupSequentialSurvivalAgreesWithRpactTest (values printed, pasted by hand)
survival <- function(call) {
  s <- eval(parse(text = call))
  cat("// ", call, "\n", sep = "")
  for (n in c("eventsFixed", "maxNumberOfEvents", "eventsPerStage", "expectedEventsH0", "expectedEventsH1",
              "maxNumberOfSubjects", "analysisTime", "criticalValuesEffectScale", "criticalValuesEffectScaleLower",
              "criticalValuesEffectScaleUpper", "futilityBoundsEffectScale")) {
    if (length(s[[n]]) > 0) cat("//   ", n, ": ", paste(sprintf("%.17g", s[[n]]), collapse = ", "), "\n", sep = "")
  }
}
survival(paste0('getSampleSizeSurvival(getDesignGroupSequential(informationRates = c(0.5, 1), alpha = 0.025, ',
  'beta = 0.2, sided = 1, typeOfDesign = "asOF", typeBetaSpending = "bsOF"), hazardRatio = 0.6, median2 = 8, ',
  'accrualTime = c(0, 36), followUpTime = 12, allocationRatioPlanned = 1)'))
survival(paste0('getSampleSizeSurvival(getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.1, sided = 2, ',
  'typeOfDesign = "asP"), hazardRatio = 0.7, median2 = 12, accrualTime = c(0, 24), followUpTime = 18, ',
  'allocationRatioPlanned = 2, dropoutRate1 = 0.1, dropoutRate2 = 0.1, dropoutTime = 12)'))
survival(paste0('getSampleSizeSurvival(getDesignGroupSequential(informationRates = c(0.3, 0.6, 0.8, 1), alpha = 0.025, ',
  'beta = 0.2, sided = 1, typeOfDesign = "asKD", gammaA = 3, futilityBounds = c(0, 0, 0.5), bindingFutility = TRUE), ',
  'hazardRatio = 1.5, median2 = 6, accrualTime = c(0, 18), followUpTime = 6, allocationRatioPlanned = 1, ',
  'dropoutRate1 = 0.05, dropoutRate2 = 0.05, dropoutTime = 12)'))

# Monitoring for InterimMonitoringTest: bounds at the realised information fractions 38/120 and 81/120 of 120
# planned events, repeated confidence intervals and conditional power (design effect HR 0.6, and the trend)
d <- getDesignGroupSequential(informationRates = c(38/120, 81/120, 1), alpha = 0.025, beta = 0.2, sided = 1,
  typeOfDesign = "asOF")
cat("// criticalValues:", sprintf("%.17g", d$criticalValues), "\n")
ds1 <- getDataset(overallEvents = c(38), overallLogRanks = c(-1.52), overallAllocationRatios = c(1))
ds <- getDataset(overallEvents = c(38, 81), overallLogRanks = c(-1.52, -2.31), overallAllocationRatios = c(1, 1))
a1 <- getAnalysisResults(d, ds1, thetaH1 = 0.6, nPlanned = c(43, 39), directionUpper = FALSE)
a1t <- getAnalysisResults(d, ds1, nPlanned = c(43, 39), directionUpper = FALSE)
a2 <- getAnalysisResults(d, ds, thetaH1 = 0.6, nPlanned = 39, directionUpper = FALSE)
a2t <- getAnalysisResults(d, ds, nPlanned = 39, directionUpper = FALSE)
cat("// look 1 conditionalPower (HR 0.6):", sprintf("%.17g", a1$conditionalPower), "\n")
cat("// look 1 conditionalPower (trend):", sprintf("%.17g", a1t$conditionalPower), "\n")
cat("// look 2 conditionalPower (HR 0.6):", sprintf("%.17g", a2$conditionalPower), "\n")
cat("// look 2 conditionalPower (trend):", sprintf("%.17g", a2t$conditionalPower), "\n")
cat("// RCI lower:", sprintf("%.17g", a2$repeatedConfidenceIntervalLowerBounds), "\n")
cat("// RCI upper:", sprintf("%.17g", a2$repeatedConfidenceIntervalUpperBounds), "\n")
