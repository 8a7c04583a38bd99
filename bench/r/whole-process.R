# One whole R process of the comparison in bench/analysis-vs-r.sh: read the CSV with data.table::fread, fit, print.
#   Rscript bench/r/whole-process.R cox|km|logrank FILE
suppressPackageStartupMessages({
  library(data.table)
  library(survival)
})
args <- commandArgs(trailingOnly = TRUE)
d <- fread(args[2])
switch(args[1],
  cox = print(summary(coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, d, ties = "efron"))),
  km = print(survfit(Surv(time, status) ~ arm, d)),
  logrank = print(survdiff(Surv(time, status) ~ arm, d)),
  stop("unknown analysis ", args[1]))
