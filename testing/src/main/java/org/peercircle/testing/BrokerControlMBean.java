package org.peercircle.testing;

/** Stops and starts the test broker; reached through the platform MBean server from any class loader. */
public interface BrokerControlMBean {

    void stop();

    void start();
}
