package io.inventorysync.alert;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inventorysync.channel.control.LimitedAvailability;
import io.inventorysync.config.InventorySyncProperties;
import io.micrometer.core.instrument.MeterRegistry;

/** Alert escalation: incidents from monitors and {@link Alerts}, a ladder of media, the protective action. */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

    @Bean
    IncidentStore incidentStore(JdbcTemplate jdbc) {
        return new IncidentStore(jdbc);
    }

    @Bean
    AlertMetrics alertMetrics(MeterRegistry meters) {
        return new AlertMetrics(meters);
    }

    @Bean
    ProtectiveAction protectiveAction(ObjectProvider<LimitedAvailability> limitedAvailability) {
        return new ProtectiveAction(limitedAvailability);
    }

    @Bean
    IncidentEscalator incidentEscalator(IncidentStore store, AlertProperties properties,
            ObjectProvider<JavaMailSender> mailSender, ProtectiveAction protectiveAction, AlertMetrics metrics,
            InventorySyncProperties pipeline) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ObjectMapper json = new ObjectMapper();
        List<Notifier> notifiers = List.of(new ChatWebhookNotifier(properties.getChat(), http, json),
                new MailNotifier(properties.getMail(), mailSender), new SmsWebhookNotifier(properties.getSms(), http, json));
        return new IncidentEscalator(store, properties, notifiers, protectiveAction, new AlertMessages(), metrics,
                pipeline.effectiveInstanceId());
    }

    @Bean
    AlertTicker alertTicker(IncidentStore store, IncidentEscalator escalator, AlertMetrics metrics,
            AlertProperties properties, InventorySyncProperties pipeline) {
        // a fresh suffix per start: two application contexts in one JVM (or a quick restart) never share a lease
        return new AlertTicker(store, escalator, metrics, properties,
                pipeline.effectiveInstanceId() + "#" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Bean
    Alerts alerts(IncidentStore store, AlertTicker ticker) {
        return new Alerts(store, ticker);
    }

    @Bean
    MonitorAlerts monitorAlerts(Alerts alerts) {
        return new MonitorAlerts(alerts);
    }

}
