/**
 * The {@code oligotrial recist} commands: RECIST 1.1 evaluation of one participant's tumour assessments from a JSON
 * file (docs/recist.md), printed as a table or as JSON.
 */
package org.oligotrial.cli.recist;
