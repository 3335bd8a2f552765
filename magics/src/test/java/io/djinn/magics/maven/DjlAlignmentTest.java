package io.djinn.magics.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DjlAlignmentTest {

    private final DjlAlignment alignment = new DjlAlignment(new ProvidedArtifacts(Map.of(
            "ai.djl:api", "0.35.1",
            "ai.djl.pytorch:pytorch-engine", "0.35.1",
            "tech.tablesaw:tablesaw-core", "0.44.4")));

    @Test
    void djlModulesMoveToTheProvidedVersion() {
        DjlAlignment.Decision decision = alignment.decide(Coordinate.parse("ai.djl:basicdataset:0.20.0"));
        assertTrue(decision.resolve());
        assertEquals("ai.djl:basicdataset:0.35.1", decision.coordinate());
        assertEquals("Loaded ai.djl:basicdataset 0.35.1 instead of 0.20.0: DJL modules must match the DJL version"
                + " Djinn provides.", decision.message().orElseThrow());
    }

    @Test
    void djlSubgroupsAlignToo() {
        assertEquals("ai.djl.pytorch:pytorch-model-zoo:0.35.1",
                alignment.decide(Coordinate.parse("ai.djl.pytorch:pytorch-model-zoo:0.22.1")).coordinate());
    }

    @Test
    void theMatchingVersionNeedsNoMessage() {
        DjlAlignment.Decision decision = alignment.decide(Coordinate.parse("ai.djl:model-zoo:0.35.1"));
        assertTrue(decision.resolve());
        assertTrue(decision.message().isEmpty());
    }

    @Test
    void otherEnginesAreRefused() {
        for (String engine : new String[] {"ai.djl.mxnet:mxnet-engine:0.20.0", "ai.djl.tensorflow:tensorflow-engine:0.35.1",
                "ai.djl.onnxruntime:onnxruntime-engine:0.35.1"}) {
            DjlAlignment.Decision decision = alignment.decide(Coordinate.parse(engine));
            assertFalse(decision.resolve(), engine);
            assertTrue(decision.message().orElseThrow().contains("another deep-learning engine"), engine);
        }
        assertTrue(alignment.decide(Coordinate.parse("ai.djl.mxnet:mxnet-engine:0.23.0")).message().orElseThrow()
                .contains("operators only MXNet has (NDArray.sequenceMask"));
    }

    @Test
    void providedLibrariesAreNotLoadedTwice() {
        DjlAlignment.Decision decision = alignment.decide(Coordinate.parse("tech.tablesaw:tablesaw-core:0.43.1"));
        assertFalse(decision.resolve());
        assertEquals("Not loaded: tech.tablesaw:tablesaw-core is provided by Djinn (0.44.4); a second copy is not loaded."
                + " Code written for 0.43.1 may call methods renamed since (Table.select(...) is selectColumns(...) in 0.44.4).",
                decision.message().orElseThrow());
        assertFalse(alignment.decide(Coordinate.parse("ai.djl.pytorch:pytorch-engine:0.20.0")).resolve());
    }

    @Test
    void otherLibrariesPassThrough() {
        DjlAlignment.Decision decision = alignment.decide(Coordinate.parse("org.apache.commons:commons-lang3:3.17.0"));
        assertTrue(decision.resolve());
        assertEquals("org.apache.commons:commons-lang3:3.17.0", decision.coordinate());
    }
}
