/**
 * {@code oligotrial serve}: starts the web server on the chosen database (H2 under {@code ./data} by default), and
 * with {@code --demo} fills an empty database with demo sites, users and synthetic participants.
 */
package org.oligotrial.server.serve;
