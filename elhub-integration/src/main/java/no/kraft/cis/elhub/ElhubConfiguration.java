package no.kraft.cis.elhub;

import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.inbound.ElhubReceiving;
import no.kraft.cis.elhub.inbound.InboundProcessor;
import no.kraft.cis.elhub.inbound.MessageHandler;
import no.kraft.cis.elhub.inbound.PollBatches;
import no.kraft.cis.elhub.inbound.PollQueue;
import no.kraft.cis.elhub.inbound.Poller;
import no.kraft.cis.elhub.metering.MeterValuesIntake;
import no.kraft.cis.elhub.market.StartOfSupply;
import no.kraft.cis.elhub.market.SupplyAnswers;
import no.kraft.cis.elhub.market.SupplyProcesses;
import no.kraft.cis.elhub.market.SupplySending;
import no.kraft.cis.metervalue.MeterValueImport;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import no.kraft.cis.elhub.exchange.IntegrationLog;
import no.kraft.cis.elhub.lookup.EmifLookup;
import no.kraft.cis.elhub.maskinporten.MaskinportenTokens;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import no.kraft.cis.elhub.norgespris.ContractsApi;
import no.kraft.cis.elhub.norgespris.KnownContracts;
import no.kraft.cis.elhub.norgespris.NorgesprisOrders;
import no.kraft.cis.elhub.norgespris.NorgesprisStatusWriter;
import no.kraft.cis.elhub.norgespris.NorgesprisSync;
import no.kraft.cis.elhub.outbox.Backoff;
import no.kraft.cis.elhub.outbox.CircuitBreaker;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.elhub.outbox.OutboxRelay;
import no.kraft.cis.elhub.workitem.WorkItems;
import no.kraft.cis.meteringpoint.MeteringPointService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;

/** The Elhub integration's parts, when {@code cis.elhub.contracts.base-url} is set (it needs the Maskinporten client). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ElhubProperties.class)
@ConditionalOnProperty(name = "cis.elhub.contracts.base-url")
class ElhubConfiguration {

    @Bean
    IntegrationLog integrationLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new IntegrationLog(jdbc, transactions, clock);
    }

    @Bean
    ContractsApi contractsApi(ElhubProperties properties, MaskinportenTokens tokens, IntegrationLog log) {
        return new ContractsApi(properties.contracts(), tokens::accessToken, http(properties.readTimeout()).requestInterceptor(log.interceptor("CONTRACTS")));
    }

    @Bean
    EmifLookup emifLookup(ElhubProperties properties, SigningKey key, IntegrationLog log, Clock clock) {
        return new EmifLookup(new EmifLookup.Settings(properties.emif().url(), properties.contracts().senderGln(), properties.emif().elhubGln()),
                key, http(properties.readTimeout()), log, clock);
    }

    @Bean
    KnownContracts knownContracts(JdbcClient jdbc, Clock clock) {
        return new KnownContracts(jdbc, clock);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, Clock clock, ElhubProperties properties) {
        return new Outbox(jdbc, clock, properties.outbox().deadline());
    }

    @Bean
    WorkItems workItems(JdbcClient jdbc, Clock clock) {
        return new WorkItems(jdbc, clock);
    }

    @Bean
    NorgesprisStatusWriter norgesprisStatusWriter(MeteringPointService meteringPoints, KnownContracts known, Outbox outbox, WorkItems workItems,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        return new NorgesprisStatusWriter(meteringPoints, known, outbox, workItems, events, transactions);
    }

    @Bean
    NorgesprisSync norgesprisSync(ContractsApi api, NorgesprisStatusWriter writer, JdbcClient jdbc, Clock clock, ElhubProperties properties) {
        return new NorgesprisSync(api, writer, jdbc, clock, properties.norgespris().syncOverlap(), properties.norgespris().syncFrom());
    }

    @Bean
    NorgesprisOrders norgesprisOrders(MeteringPointService meteringPoints, Outbox outbox, KnownContracts known, Clock clock,
            ElhubProperties properties, PlatformTransactionManager transactions) {
        return new NorgesprisOrders(meteringPoints, outbox, known, clock, properties.norgespris().orderingEnabled(), transactions);
    }

    @Bean
    OutboxRelay outboxRelay(Outbox outbox, ContractsApi api, NorgesprisStatusWriter writer, WorkItems workItems,
            MeteringPointService meteringPoints, Clock clock, ElhubProperties properties, PlatformTransactionManager transactions) {
        ElhubProperties.Outbox settings = properties.outbox();
        return new OutboxRelay(outbox, api, writer, workItems, meteringPoints,
                new CircuitBreaker(settings.breakerThreshold(), settings.breakerOpen(), clock),
                new Backoff(settings.firstRetry(), settings.maxRetry()), clock, RandomGenerator.getDefault(), transactions);
    }

    @Bean
    ExceptionQueue exceptionQueue(WorkItems workItems, NorgesprisOrders orders, NorgesprisSync sync, InboundProcessor inbound,
            PollBatches batches, PlatformTransactionManager transactions) {
        return new ExceptionQueue(workItems, orders, sync, inbound, batches, transactions);
    }

    @Bean
    EmifSoap emifSoap(ElhubProperties properties, SigningKey key, IntegrationLog log, Clock clock) {
        return new EmifSoap(key, http(properties.readTimeout()), log, clock, properties.contracts().senderGln(), properties.emif().elhubGln());
    }

    @Bean
    PollBatches pollBatches(JdbcClient jdbc, Clock clock) {
        return new PollBatches(jdbc, clock);
    }

    @Bean
    Poller poller(EmifSoap soap, ElhubProperties properties, PollBatches batches, PlatformTransactionManager transactions) {
        java.util.Map<PollQueue, String> urls = new java.util.EnumMap<>(PollQueue.class);
        urls.put(PollQueue.METERING_VALUES, properties.emif().pollMeteringValuesUrl());
        urls.put(PollQueue.MARKET_PROCESSES, properties.emif().pollMarketProcessesUrl());
        return new Poller(soap, urls, batches, transactions, properties.polling().maxBatches());
    }

    @Bean
    MeterValuesIntake meterValuesIntake(MeterValueImport imports, no.kraft.cis.metervalue.PeriodVolumes periodVolumes) {
        return new MeterValuesIntake(imports, periodVolumes);
    }

    @Bean
    SupplyProcesses supplyProcesses(JdbcClient jdbc, Clock clock) {
        return new SupplyProcesses(jdbc, clock);
    }

    @Bean
    StartOfSupply startOfSupply(SupplyProcesses processes, Outbox outbox, EmifSoap soap, ElhubProperties properties, Clock clock,
            PlatformTransactionManager transactions, OutboxRelay relay, ApplicationEventPublisher events) {
        relay.sendEmifWith(new SupplySending(processes, soap, properties.emif().marketProcessesUrl(), events));
        return new StartOfSupply(processes, outbox, soap, properties.contracts().senderGln(), clock, transactions);
    }

    @Bean
    no.kraft.cis.elhub.market.Deliveries elhubDeliveries(no.kraft.cis.contract.ContractService contracts, MeteringPointService meteringPoints) {
        return new no.kraft.cis.elhub.market.Deliveries(contracts, meteringPoints);
    }

    @Bean
    no.kraft.cis.elhub.market.EndOfSupply endOfSupply(SupplyProcesses processes, Outbox outbox, EmifSoap soap, ElhubProperties properties,
            Clock clock, PlatformTransactionManager transactions, no.kraft.cis.elhub.market.Deliveries deliveries) {
        return new no.kraft.cis.elhub.market.EndOfSupply(processes, outbox, soap, properties.contracts().senderGln(), clock, transactions,
                properties.endOfSupply(), deliveries);
    }

    @Bean
    no.kraft.cis.elhub.market.CustomerInformationUpdates customerInformationUpdates(JdbcClient jdbc, Outbox outbox, EmifSoap soap,
            ElhubProperties properties, no.kraft.cis.customer.CustomerService customers, no.kraft.cis.contract.ContractService contracts,
            MeteringPointService meteringPoints, WorkItems workItems, Clock clock, OutboxRelay relay) {
        var updates = new no.kraft.cis.elhub.market.CustomerInformationUpdates(jdbc, outbox, soap, properties.emif().marketProcessesUrl(),
                customers, contracts, meteringPoints, workItems, clock);
        relay.sendEmifWith(updates);
        return updates;
    }

    @Bean
    InboundProcessor inboundProcessor(PollBatches batches, MeterValuesIntake meterValues, SupplyProcesses processes, WorkItems workItems,
            no.kraft.cis.elhub.market.Deliveries deliveries, MeteringPointService meteringPoints, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, ElhubProperties properties, Clock clock,
            no.kraft.cis.elhub.market.CustomerInformationUpdates customerUpdates, no.kraft.cis.meteringpoint.GridAreas gridAreas) {
        java.util.List<MessageHandler<?>> handlers = new java.util.ArrayList<>();
        handlers.add(meterValues);
        handlers.add(customerUpdates.acknowledgements());
        handlers.addAll(SupplyAnswers.handlers(processes, workItems, deliveries, events));
        handlers.add(new no.kraft.cis.elhub.market.EndOfSupplyIntake(deliveries));
        handlers.add(new no.kraft.cis.elhub.market.MasterDataIntake(meteringPoints, gridAreas));
        return new InboundProcessor(batches, handlers, workItems, transactions,
                new Backoff(properties.polling().firstRetry(), properties.polling().maxRetry()), clock, RandomGenerator.getDefault());
    }

    @Bean
    ElhubReceiving elhubReceiving(Poller poller, InboundProcessor processor, WorkItems workItems, PlatformTransactionManager transactions) {
        return new ElhubReceiving(poller, processor, workItems, transactions);
    }

    private static RestClient.Builder http(Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10)).build());
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().requestFactory(factory);
    }
}
