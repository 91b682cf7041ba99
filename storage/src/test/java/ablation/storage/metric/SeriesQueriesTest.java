package ablation.storage.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.storage.TrackingStore;
import ablation.storage.run.NewRun;
import ablation.storage.study.Study;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The downsampled chart queries: buckets with min, max and the last value; the seed band. */
class SeriesQueriesTest {
    @Test
    void seriesKeepsSpikesAndTheValueAtEachBucketsLastStep() {
        try (TrackingStore store = TrackingStore.open("jdbc:h2:mem:" + UUID.randomUUID())) {
            Study study = store.studies().create("s", null);
            long run = store.runs().create(study.id(), new NewRun("r", "{\"train\":{\"seed\":1}}", "h1", "c")).id();
            try (MetricWriter metrics = store.metrics().writer(run)) {
                for (long step = 1; step <= 2500; step++) metrics.log("loss", step, step == 1234 ? 1e6 : step);
            }
            List<SeriesBucket> series = store.metrics().series(run, "loss", 100);
            assertEquals(100, series.size(), "2500 steps in buckets of 25");
            for (SeriesBucket b : series) {
                assertEquals(25, b.points());
                assertEquals(b.toStep(), b.last(), 0.0, "the value at the bucket's last step");
            }
            SeriesBucket spike = series.get((1234 - 1) / 25);
            assertEquals(1e6, spike.max(), 0.0, "the spike survives downsampling");
            assertEquals(1226.0, spike.min(), 0.0);
        }
    }

    @Test
    void bandIsTheMeanOverRunsOfEachRunsBucketMean() {
        try (TrackingStore store = TrackingStore.open("jdbc:h2:mem:" + UUID.randomUUID())) {
            Study study = store.studies().create("s", null);
            long a = store.runs().create(study.id(), new NewRun("a", "{\"train\":{\"seed\":1}}", "h1", "c")).id();
            long b = store.runs().create(study.id(), new NewRun("b", "{\"train\":{\"seed\":2}}", "h2", "c")).id();
            long other = store.runs().create(study.id(), new NewRun("o", "{\"train\":{\"seed\":3}}", "h3", "d")).id();
            try (MetricWriter ma = store.metrics().writer(a); MetricWriter mb = store.metrics().writer(b);
                 MetricWriter mo = store.metrics().writer(other)) {
                for (long step = 1; step <= 200; step++) {
                    ma.log("loss", step, 1.0);
                    mb.log("loss", step, 3.0);
                    mo.log("loss", step, 100.0);
                }
            }
            List<BandPoint> band = store.metrics().band(List.of(a, b), "loss", 10);
            assertEquals(10, band.size());
            for (BandPoint p : band) {
                assertEquals(2, p.n());
                assertEquals(2.0, p.mean(), 1e-12, "the other run is not pooled in");
                assertTrue(p.lower() < 2.0 && p.upper() > 2.0);
            }
            assertEquals(200, band.get(band.size() - 1).step());
        }
    }
}
