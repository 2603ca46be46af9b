package org.grandjour.attraction;

/** What kind of place an attraction is; residents filter by it. */
public enum Category {
    MUSEUM, HERITAGE, NATURE, LEISURE, SPORT, ANIMALS, SCIENCE
}
