# Writes reference.xpt with R's haven (ReadStat), an implementation independent of OligoTrial's XptWriter.
# Run from this directory: Rscript make-reference.R   (R 4.x, haven as installed; versions printed below)
library(haven)
df <- data.frame(
  USUBJID = c("NCT03119519-GZ01-001", "NCT03119519-GZ02-001", "X"),
  AVAL = c(1.0, -118.625, NA),
  X01 = c(0.1, 0, 42),
  stringsAsFactors = FALSE)
attr(df$USUBJID, "label") <- "Unique Subject Identifier"
attr(df$AVAL, "label") <- "Analysis Value"
attr(df$X01, "label") <- "A tenth, zero, forty-two"
write_xpt(df, "reference.xpt", version = 5, name = "REF", label = "Reference for XptWriter")
cat(R.version.string, "haven", as.character(packageVersion("haven")), "\n")
