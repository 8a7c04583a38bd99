/**
 * The REST API under {@code /api/v1}: JSON in and out, request and response records of its own (no stored type
 * crosses this boundary), every error an RFC 9457 problem document naming the field, described by the OpenAPI
 * document at {@code /v3/api-docs}.
 */
package org.oligotrial.server.api;
