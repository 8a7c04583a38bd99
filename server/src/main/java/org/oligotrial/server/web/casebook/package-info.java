/** The casebook page: a participant's visits by forms, each cell's status and a way to open or create its form. */
package org.oligotrial.server.web.casebook;
