/**
 * Randomization and treatment assignment on the server: the preview of a participant's derived stratification
 * levels and plans, the concealed allocation serialised per trial (a locked state row; the core library's
 * randomizers), the immutable randomization record with its treatment plan, deviation notes, and the statistician's
 * allocation log and sealed-list exports. See {@code docs/randomization-server.md}.
 */
package org.oligotrial.server.randomization;
