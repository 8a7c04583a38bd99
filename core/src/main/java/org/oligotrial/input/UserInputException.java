package org.oligotrial.input;

/** Bad input from the user (file, option or record). Its message is printed as it is; exit code 2. */
public class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
