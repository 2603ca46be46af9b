package org.grandjour.demo;

import java.util.List;

import org.grandjour.attraction.Category;

/** The shape of demo/attractions.json: real places of Pas-de-Calais, Nord and Kent. */
record DemoDataset(List<DemoTerritory> territories, List<DemoAttraction> attractions) {

    record DemoTerritory(String code, String nameFr, String nameEn, String country, String language,
                         String timeZone, String postcodePattern) {
    }

    record DemoAttraction(String slug, String territory, Category category, String nameFr, String nameEn,
                          String descriptionFr, String descriptionEn, String address, String town, String postcode,
                          String accessibilityFr, String accessibilityEn, int openedYear,
                          int capacity2010PerDay, int capacityLivePerDay) {
    }
}
