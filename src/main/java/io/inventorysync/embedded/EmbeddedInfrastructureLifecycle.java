package io.inventorysync.embedded;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Ties servers started before the application context existed to that context's life: the servers become the
 * singleton bean {@value #BEAN_NAME} and are stopped when the context destroys its beans, or when the
 * application fails to start.
 *
 * <p>The bean is registered before any other singleton exists, and a context destroys its singletons in reverse
 * order of registration: the servers stop last, after Camel routes, Kafka clients and the connection pool have
 * let go of them. (A {@link ContextClosedEvent} listener would stop them first, under running routes.)
 */
final class EmbeddedInfrastructureLifecycle
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, ApplicationListener<ApplicationFailedEvent> {

    static final String BEAN_NAME = "inventorySyncEmbeddedInfrastructure";

    private final EmbeddedInfrastructure infrastructure;

    EmbeddedInfrastructureLifecycle(EmbeddedInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, infrastructure);
        if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN_NAME, infrastructure::close);
        } else {
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> infrastructure.close());
        }
    }

    /**
     * A start that fails after the servers are up would otherwise leave the broker's non-daemon threads holding
     * the JVM open. If the context already existed, its bean destruction got there first; closing twice is
     * harmless.
     */
    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        infrastructure.close();
    }
}
