# Times R's survfit and survdiff on the benchmark CSV (file reading excluded), as compared in docs/benchmarks.md.
#   Rscript bench/r/survival.R /tmp/kmbench/survival-1m.csv
library(survival)
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
cat(R.version.string, ", survival ", format(packageVersion("survival")), ", rows ", nrow(d), "\n", sep = "")
best <- function(expr, reps = 5) {
  e <- substitute(expr)
  env <- parent.frame()
  t <- sapply(seq_len(reps), function(i) {
    s <- system.time(eval(e, env))
    c(wall = s[["elapsed"]], cpu = s[["user.self"]] + s[["sys.self"]])
  })
  sprintf("wall median %.3f s (min %.3f)   cpu median %.3f s   (%d runs)",
          median(t["wall", ]), min(t["wall", ]), median(t["cpu", ]), reps)
}
cat("survfit(Surv(time, status) ~ group, d):                    ", best(survfit(Surv(time, status) ~ group, d)), "\n")
cat("survdiff(Surv(time, status) ~ group, d):                   ", best(survdiff(Surv(time, status) ~ group, d)), "\n")
cat("survdiff(Surv(time, status) ~ group + strata(stratum), d): ",
    best(survdiff(Surv(time, status) ~ group + strata(stratum), d)), "\n")
fit <- survfit(Surv(time, status) ~ group, d)
print(fit)
print(survdiff(Surv(time, status) ~ group, d))
