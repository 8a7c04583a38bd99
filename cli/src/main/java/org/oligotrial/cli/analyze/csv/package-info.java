/**
 * Reading a CSV dataset for the analyses: a byte-level, column-wise reader into primitive arrays (numbers as
 * {@code double[]}, labels as codes into their distinct values), with RFC 4180 quoting, the missing-value markers
 * {@code NA}, empty and {@code .}, and the bookkeeping (first value that is not a number, decimal commas) that lets
 * the commands refuse a misread column with its line and value.
 */
package org.oligotrial.cli.analyze.csv;
