package no.kraft.cis.boundaryfixture.core;

import no.kraft.cis.boundaryfixture.adapter.AdapterClient;

/** Deliberately wrong: a core module calling an adapter, which its package-info does not allow. */
public class CoreService {

    public String call(AdapterClient client) {
        return client.send();
    }
}
