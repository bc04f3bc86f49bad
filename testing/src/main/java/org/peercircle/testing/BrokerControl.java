package org.peercircle.testing;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.peercircle.infra.KafkaBroker;

/**
 * Quarkus may load test classes and test resources in different class loaders, so a static field would not
 * be shared between them; the JVM-wide MBean server is.
 */
public class BrokerControl implements BrokerControlMBean {

    static final String NAME = "org.peercircle.test:type=BrokerControl";

    private final KafkaBroker broker;

    BrokerControl(KafkaBroker broker) {
        this.broker = broker;
    }

    static void register(KafkaBroker broker) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new BrokerControl(broker), name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("broker control '" + operation + "' failed", e);
        }
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.start();
    }
}
