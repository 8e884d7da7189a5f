package no.kraft.cis.boundaryfixture.adapter;

/** Fixture adapter. */
public class AdapterClient {

    public String send() {
        return "sent";
    }
}
