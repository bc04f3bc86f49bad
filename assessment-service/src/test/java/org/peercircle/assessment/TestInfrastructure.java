package org.peercircle.assessment;

import org.peercircle.testing.PeerCircleInfra;

import io.quarkus.test.common.QuarkusTestResource;

/** One real PostgreSQL and Kafka broker for every test of this module (one Quarkus boot). */
@QuarkusTestResource(PeerCircleInfra.class)
public class TestInfrastructure {
}
