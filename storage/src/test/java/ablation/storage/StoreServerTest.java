package ablation.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.study.Study;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreServerTest {
    @TempDir
    Path dir;

    @Test
    void aServedStoreNeedsItsPassword() {
        String url = StoreLocation.h2FileUrl(dir.resolve("team"));
        try (TrackingStore local = TrackingStore.open(url)) {
            local.studies().create("shared", null);
        }
        try (StoreServer server = StoreServer.serve(url, null, null, "s3cret", 0, false)) {
            assertTrue(
                    server.clientUrl().startsWith("jdbc:h2:tcp://127.0.0.1:" + server.port() + "/team"),
                    server.clientUrl());
            try (TrackingStore remote = TrackingStore.open(server.clientUrl(), "sa", "s3cret")) {
                Study study = remote.studies().require("shared");
                assertEquals("shared", study.name());
            }
            StoreException noPassword = assertThrows(
                    StoreException.class,
                    () -> TrackingStore.open(server.clientUrl()).close());
            assertTrue(noPassword.getMessage().contains("refused the user name or password"), noPassword.getMessage());
            StoreException otherDb = assertThrows(
                    StoreException.class,
                    () -> TrackingStore.open(server.clientUrl().replace("/team", "/other"), "sa", "s3cret")
                            .close());
            assertTrue(
                    otherDb.getMessage().contains("refused"), otherDb.getMessage()); // the server admits one name only
        }
    }

    @Test
    void aStoreWithoutPasswordIsNotServed() {
        String url = StoreLocation.h2FileUrl(dir.resolve("open"));
        StoreException e = assertThrows(StoreException.class, () -> StoreServer.serve(url, null, null, null, 0, false));
        assertTrue(e.getMessage().contains("--password"), e.getMessage());
        StoreException notFile = assertThrows(
                StoreException.class,
                () -> StoreServer.serve("jdbc:postgresql://localhost/x", null, null, "pw", 0, false));
        assertTrue(notFile.getMessage().contains("serves an H2 file store"), notFile.getMessage());
    }

    @Test
    void onlyTheServedDatabaseCanBeOpenedThroughTheServer() {
        String url = StoreLocation.h2FileUrl(dir.resolve("team"));
        TrackingStore.open(StoreLocation.h2FileUrl(dir.resolve("beside")))
                .close(); // an unprotected store in the same folder
        try (StoreServer server = StoreServer.serve(url, null, null, "s3cret", 0, false)) {
            TrackingStore.open(server.clientUrl(), "sa", "s3cret").close();
            StoreException beside = assertThrows(
                    StoreException.class,
                    () -> TrackingStore.open(server.clientUrl().replace("/team", "/beside"), "sa", "")
                            .close());
            assertTrue(beside.getMessage().contains("refused"), beside.getMessage());
        }
    }

    @Test
    void anImpossiblePortIsRefusedBeforeAnythingIsCreated() {
        String url = StoreLocation.h2FileUrl(dir.resolve("new"));
        for (int port : new int[] {70000, -1}) {
            StoreException e =
                    assertThrows(StoreException.class, () -> StoreServer.serve(url, null, null, "pw", port, false));
            assertTrue(e.getMessage().contains("--port = " + port), e.getMessage());
        }
        assertTrue(java.nio.file.Files.notExists(dir.resolve("new.mv.db")), "no store was created");
    }
}
