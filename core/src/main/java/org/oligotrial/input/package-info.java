/**
 * What the programs share about bad input: {@link org.oligotrial.input.UserInputException}, a refusal of a file,
 * option or record whose message is shown to the user as it is (the command line exits with code 2; the server
 * answers 4xx). It sits in the core so that the command line and the server use one type without the server
 * depending on the command-line module.
 */
package org.oligotrial.input;
