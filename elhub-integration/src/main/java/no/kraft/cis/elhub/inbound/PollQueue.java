package no.kraft.cis.elhub.inbound;

/** EMIF's two poll services: what each carries, its WSDL namespace and service name. */
public enum PollQueue {
    /** NotifyValidatedDataForBillingEnergy (BRS-NO-313/312), acknowledgements of what we sent on MeteringValues. */
    METERING_VALUES("PollMeteringValues", "urn:no:elhub:emif:wsdl:polling:meteringvalues:v2"),
    /** Confirm/Reject/Notify of start and end of supply, master data, acknowledgements of MarketProcesses. */
    MARKET_PROCESSES("PollMarketProcesses", "urn:no:elhub:emif:wsdl:polling:marketprocesses:v2");

    private final String service;
    private final String wsdlNamespace;

    PollQueue(String service, String wsdlNamespace) {
        this.service = service;
        this.wsdlNamespace = wsdlNamespace;
    }

    public String service() {
        return service;
    }

    public String wsdlNamespace() {
        return wsdlNamespace;
    }
}
