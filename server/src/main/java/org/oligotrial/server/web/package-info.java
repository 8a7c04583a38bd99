/**
 * The web application: server-rendered pages (Thymeleaf, htmx for live fragments) for every workflow of the trial
 * team, built on the register's services in the same process. Each page group has its own controller; {@link
 * org.oligotrial.server.web.WebAdvice} puts the signed-in user on every page and turns the register's refusals into
 * friendly error pages.
 */
package org.oligotrial.server.web;
