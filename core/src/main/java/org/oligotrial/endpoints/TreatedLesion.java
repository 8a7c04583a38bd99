package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A lesion irradiated in the RT+ arm (primary tumour or oligometastatic focus).
 *
 * @param id lesion id (as in the RECIST baseline)
 * @param localProgressionDate date local progression of this lesion was found, null if none
 */
public record TreatedLesion(String id, LocalDate localProgressionDate) {
  /** @throws NullPointerException if id is null */
  public TreatedLesion {
    Objects.requireNonNull(id, "id");
  }
}
