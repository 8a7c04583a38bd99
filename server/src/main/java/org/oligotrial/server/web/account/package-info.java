/** The signed-in user's own account: changing the password, and re-checking it as an electronic signature. */
package org.oligotrial.server.web.account;
