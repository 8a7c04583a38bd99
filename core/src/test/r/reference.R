# Writes the datasets and the reference values the survival tests compare with.
# Run from the repository root:  Rscript core/src/test/r/reference.R
# (the tests never call R; they read what this script wrote).
library(survival)
out <- "core/src/test/resources/org/oligotrial/survival"
ver <- sprintf("%s, survival %s", R.version.string, format(packageVersion("survival")))
g17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

writeData <- function(d, name) write.csv(d, file.path(out, "data", paste0(name, ".csv")), row.names = FALSE)
writeData(lung, "lung")
writeData(veteran, "veteran")
writeData(aml, "aml")
writeData(ovarian, "ovarian")
# times with floating-point noise: 0.1 + 0.2 and 0.3 are one time for R (aeqSurv)
noisy <- data.frame(time = c(0.1 + 0.2, 0.3, 0.3, 0.7, 0.1 * 7, 1.1, 1.5, 2),
                    status = c(1, 0, 1, 1, 1, 0, 1, 0), arm = c("a", "b", "a", "b", "a", "b", "a", "b"))
writeData(noisy, "noisy")

header <- function(con, call, spec) {
  writeLines(c(paste("#", ver), paste("# call:", call), paste("# spec:", spec)), con)
}

km <- function(name, data, time, event, group, conf.type = "log", conf.int = 0.95) {
  rhs <- if (is.null(group)) "1" else group
  call <- sprintf("survfit(Surv(%s, %s) ~ %s, data = %s, conf.type = \"%s\", conf.int = %s)",
                  time, event, rhs, data, conf.type, conf.int)
  fit <- eval(parse(text = call))
  grp <- if (is.null(fit$strata)) rep("all", length(fit$time)) else
    sub("^[^=]*=", "", rep(names(fit$strata), fit$strata))
  con <- file(file.path(out, "km", paste0(name, ".csv")), "w")
  header(con, call, sprintf("data=%s time=%s event=%s group=%s conf.type=%s conf.int=%s",
                            data, time, event, if (is.null(group)) "" else group, conf.type, conf.int))
  tab <- summary(fit)$table
  if (!is.matrix(tab)) tab <- matrix(tab, nrow = 1, dimnames = list("all", names(tab)))
  lv <- if (is.null(fit$strata)) "all" else sub("^[^=]*=", "", rownames(tab))
  writeLines("# median: group,median,lower,upper  (summary(fit)$table[, c(\"median\", LCL, UCL)])", con)
  for (i in seq_along(lv)) writeLines(paste0("# median: ", paste(lv[i], g17(tab[i, "median"]),
        g17(tab[i, paste0(conf.int, "LCL")]), g17(tab[i, paste0(conf.int, "UCL")]), sep = ",")), con)
  writeLines("group,time,n.risk,n.event,n.censor,surv,std.err,lower,upper", con)
  writeLines(paste(grp, g17(fit$time), fit$n.risk, fit$n.event, fit$n.censor, g17(fit$surv),
                   g17(fit$std.err), g17(fit$lower), g17(fit$upper), sep = ","), con)
  close(con)
}

km("lung-sex-log", "lung", "time", "status", "sex")
km("lung-sex-loglog", "lung", "time", "status", "sex", "log-log")
km("lung-sex-plain", "lung", "time", "status", "sex", "plain")
km("lung-all-log90", "lung", "time", "status", NULL, "log", 0.9)
km("lung-ecog-loglog", "lung", "time", "status", "ph.ecog", "log-log")
km("veteran-trt-log", "veteran", "time", "status", "trt")
km("veteran-celltype-plain", "veteran", "time", "status", "celltype", "plain", 0.99)
km("aml-x-loglog", "aml", "time", "status", "x", "log-log")
km("aml-x-plain", "aml", "time", "status", "x", "plain")
km("ovarian-rx-log", "ovarian", "futime", "fustat", "rx")
km("ovarian-rx-loglog", "ovarian", "futime", "fustat", "rx", "log-log", 0.8)
km("noisy-arm-log", "noisy", "time", "status", "arm")

logrank <- function(name, data, time, event, group, strata = NULL) {
  rhs <- if (is.null(strata)) group else sprintf("%s + strata(%s)", group, strata)
  call <- sprintf("survdiff(Surv(%s, %s) ~ %s, data = %s)", time, event, rhs, data)
  sd <- eval(parse(text = call))
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  exp <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- sum(exp > 0) - 1
  con <- file(file.path(out, "logrank", paste0(name, ".csv")), "w")
  header(con, call, sprintf("data=%s time=%s event=%s group=%s strata=%s", data, time, event, group,
                            if (is.null(strata)) "" else strata))
  writeLines(sprintf("# test: chisq,df,p = %s,%d,%s  (sd$chisq, sum(exp > 0) - 1, sd$pvalue)",
                     g17(sd$chisq), df, g17(sd$pvalue)), con)
  writeLines("group,n,observed,expected", con)
  writeLines(paste(sub("^[^=]*=", "", names(sd$n)), as.vector(sd$n), g17(obs), g17(exp), sep = ","), con)
  close(con)
}

logrank("lung-sex", "lung", "time", "status", "sex")
logrank("lung-ecog", "lung", "time", "status", "ph.ecog")
logrank("lung-sex-strata-ecog", "lung", "time", "status", "sex", "ph.ecog")
logrank("veteran-trt", "veteran", "time", "status", "trt")
logrank("veteran-celltype", "veteran", "time", "status", "celltype")
logrank("veteran-trt-strata-celltype", "veteran", "time", "status", "trt", "celltype")
logrank("veteran-celltype-strata-prior", "veteran", "time", "status", "celltype", "prior")
logrank("aml-x", "aml", "time", "status", "x")
logrank("ovarian-rx", "ovarian", "futime", "fustat", "rx")
logrank("ovarian-rx-strata-ecog", "ovarian", "futime", "fustat", "rx", "ecog.ps")
logrank("noisy-arm", "noisy", "time", "status", "arm")

rmst <- function(name, data, time, event, group, tau) {
  rhs <- if (is.null(group)) "1" else group
  call <- sprintf("summary(survfit(Surv(%s, %s) ~ %s, data = %s), rmean = %s)$table[, c(\"rmean\", \"se(rmean)\")]",
                  time, event, rhs, data, tau)
  tab <- summary(eval(parse(text = sprintf("survfit(Surv(%s, %s) ~ %s, data = %s)", time, event, rhs, data))),
                 rmean = tau)$table
  if (!is.matrix(tab)) tab <- matrix(tab, nrow = 1, dimnames = list("all", names(tab)))
  lv <- if (is.null(group)) "all" else sub("^[^=]*=", "", rownames(tab))
  con <- file(file.path(out, "rmst", paste0(name, ".csv")), "w")
  header(con, call, sprintf("data=%s time=%s event=%s group=%s tau=%s", data, time, event,
                            if (is.null(group)) "" else group, tau))
  writeLines("group,rmean,se", con)
  writeLines(paste(lv, g17(tab[, "rmean"]), g17(tab[, "se(rmean)"]), sep = ","), con)
  close(con)
}

rmst("lung-sex-365", "lung", "time", "status", "sex", 365)
rmst("lung-sex-1000", "lung", "time", "status", "sex", 1000)
rmst("lung-all-500", "lung", "time", "status", NULL, 500)
rmst("veteran-trt-100", "veteran", "time", "status", "trt", 100)
rmst("veteran-trt-999", "veteran", "time", "status", "trt", 999)
rmst("aml-x-40", "aml", "time", "status", "x", 40)
rmst("aml-x-161", "aml", "time", "status", "x", 161)
rmst("ovarian-rx-500", "ovarian", "futime", "fustat", "rx", 500)
rmst("noisy-arm-1", "noisy", "time", "status", "arm", 1)

# Random small datasets with many ties, events at time 0, tiny groups and all-censored groups, each with a
# random confidence type and level, stratification and horizon: the general rules, not only the textbook data.
set.seed(20170403)
types <- c("log", "log-log", "plain")
index <- c()
for (k in 1:40) {
  n <- sample(4:60, 1)
  g <- sample(1:3, 1)
  d <- data.frame(time = sample(0:15, n, replace = TRUE) * sample(c(1, 0.5, 2.5), 1),
                  status = rbinom(n, 1, runif(1, 0.3, 0.9)),
                  grp = sample(c("a", "b", "c")[1:g], n, replace = TRUE),
                  st = sample(c("x", "y"), n, replace = TRUE))
  if (k %% 7 == 0) d$status[d$grp == "a"] <- 0          # a group with no events
  if (sum(d$status) == 0) d$status[1] <- 1
  name <- paste0("random", k)
  assign(name, d)
  writeData(d, name)
  km(name, name, "time", "status", if (g > 1) "grp" else NULL, types[1 + k %% 3], c(0.8, 0.9, 0.95, 0.99)[1 + k %% 4])
  index <- c(index, paste("km", name))
  if (length(unique(d$grp)) > 1) {
    ok <- !inherits(try(survdiff(Surv(time, status) ~ grp + strata(st), data = d), silent = TRUE), "try-error") &&
          !inherits(try(survdiff(Surv(time, status) ~ grp, data = d), silent = TRUE), "try-error")
    if (ok) {
      logrank(name, name, "time", "status", "grp", if (k %% 2 == 0) "st" else NULL)
      index <- c(index, paste("logrank", name))
    }
  }
  tau <- round(runif(1, min(d$time), 1.2 * max(d$time)), 2)
  if (tau > 0) {
    rmst(name, name, "time", "status", if (g > 1) "grp" else NULL, tau)
    index <- c(index, paste("rmst", name))
  }
}
writeLines(c(paste("#", ver), "# cases written by the random section of reference.R", index),
           file.path(out, "random-cases.txt"))
