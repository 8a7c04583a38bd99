/**
 * Clinical data capture for NCT03119519: the visit schedule of each randomized participant ({@code visits}), case
 * report forms whose fields and edit checks come from the protocol file, with every change audited ({@code forms}),
 * data queries and serious-adverse-event alerts ({@code queries}), and the endpoints derived from the stored forms
 * with the analysis-dataset export ({@code endpoints}). {@link org.oligotrial.server.datacapture.DataCapture} wires
 * the services on a {@link org.oligotrial.server.register.Register}; the randomization date, arm and stratification
 * levels are read through {@link org.oligotrial.server.randomization.RandomizationFacts}.
 */
package org.oligotrial.server.datacapture;
