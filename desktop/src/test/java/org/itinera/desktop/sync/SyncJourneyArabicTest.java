package org.itinera.desktop.sync;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** The same journey in Arabic, laid out right to left. */
class SyncJourneyArabicTest extends SyncJourneyTest {
    @Override
    String language() {
        return "ar";
    }

    @Override
    @Start
    void start(Stage stage) {
        super.start(stage);
    }
}
