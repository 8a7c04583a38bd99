/**
 * Randomization of any trial its protocol file describes ({@link org.oligotrial.randomization.ProtocolRandomization}:
 * arms, ratio, factors and method; {@link org.oligotrial.randomization.FactorIds}: former factor ids): stratified
 * permuted blocks with random block sizes, Pocock-Simon minimization and simple randomization, each with any integer
 * allocation ratio. No trial's arms or factors are written here. A {@link
 * org.oligotrial.randomization.Randomizer} is a pure function (state in, allocation and new state out) driven by a
 * {@link org.oligotrial.randomization.SecretSeed}, so every allocation is concealed until it is made, can be replayed
 * and verified, and carries the draw or list position that explains it. The pre-generated block lists are reachable
 * only through {@link org.oligotrial.randomization.AllocationListExport}, meant for the trial statistician.
 */
package org.oligotrial.randomization;
