/**
 * Metering points (målepunkter) with dated master data ({@link no.kraft.cis.meteringpoint.Characteristics}: price
 * area, grid owner, address, end-user group, industry code, resolution, VAT exemption) and dated properties
 * (egenskaper) 888 Norgespris, 870 compensation override, 900 settled compensation. Also grid owners (netteiere).
 * Public surface: {@link no.kraft.cis.meteringpoint.MeteringPointService} and the value types.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period", "invoice"})
package no.kraft.cis.meteringpoint;
