# A made-up dataset shaped like NCT03119519's primary endpoint, for the examples in docs/survival.md.
# Not trial data. Rscript examples/survival/make-pfs.R  (R 4.2.2; base R only)
set.seed(3119519)
n <- 148
arm <- rep(c("RT+", "RT-"), each = n / 2)
egfr <- sample(c("targeted", "non-targeted"), n, replace = TRUE)
median <- ifelse(arm == "RT+", 14, 9) * ifelse(egfr == "targeted", 1.3, 1)
pfs <- rexp(n, log(2) / median)
censor <- pmin(runif(n, 6, 36), 30)
months <- round(pmin(pfs, censor), 1)
progressed <- as.integer(pfs <= censor)
months[c(7, 90)] <- NA  # two participants without a follow-up assessment yet
write.csv(data.frame(id = sprintf("P%03d", 1:n), arm, systemic = egfr, pfs_months = months, progressed),
          "examples/survival/pfs.csv", row.names = FALSE, na = "")
