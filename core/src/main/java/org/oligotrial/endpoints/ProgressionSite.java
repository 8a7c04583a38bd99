package org.oligotrial.endpoints;

/** Where RECIST progression was found, as the secondary endpoints need it. */
public enum ProgressionSite {
  /** The primary tumour or regional (thoracic) lymph nodes. */
  THORACIC,
  /** One of the oligometastatic foci present at baseline. */
  OLIGOMETASTATIC,
  /** A new distant metastasis. */
  NEW_DISTANT
}
