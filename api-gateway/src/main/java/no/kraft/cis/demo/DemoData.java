package no.kraft.cis.demo;

import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.NewContract;
import no.kraft.cis.contract.NewDelivery;
import no.kraft.cis.customer.ContactDetails;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.customer.Email;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.customer.NewCustomer;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.customer.PostalAddress;
import no.kraft.cis.customerview.CustomerSearch;
import no.kraft.cis.customerview.CustomerSearchCriteria;
import no.kraft.cis.meteringpoint.Characteristics;
import no.kraft.cis.meteringpoint.EndUserGroup;
import no.kraft.cis.meteringpoint.Gln;
import no.kraft.cis.meteringpoint.IndustryCode;
import no.kraft.cis.meteringpoint.InstallationAddress;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.MeteringResolution;
import no.kraft.cis.meteringpoint.NewMeteringPoint;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.period.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A small, realistic data set loaded on first start of an empty database ({@code cis.demo-data.enabled}, on in the
 * {@code local} profile), through the same services the API uses. All identity numbers are synthetic (valid check
 * digits, no real person or company); grid-owner GLNs are synthetic too.
 */
@Component
@ConditionalOnProperty(name = "cis.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final LocalDate FROM = LocalDate.of(2025, 9, 1);
    private static final LocalDate NORGESPRIS_FROM = LocalDate.of(2025, 10, 1);

    static final Gln ELVIA = new Gln("7080000000012");
    static final Gln BKK = new Gln("7080000000029");
    static final Gln ARVA = new Gln("7080000000036");
    static final Gln TENSIO = new Gln("7080000000043");
    static final Gln GLITRE = new Gln("7080000000050");

    private final CustomerService customers;
    private final CustomerSearch search;
    private final MeteringPointService meteringPoints;
    private final ContractService contracts;
    private final DemoBillingData billingData;
    private final no.kraft.cis.meteringpoint.GridAreas gridAreas;

    DemoData(CustomerService customers, CustomerSearch search, MeteringPointService meteringPoints, ContractService contracts,
            DemoBillingData billingData, no.kraft.cis.meteringpoint.GridAreas gridAreas) {
        this.billingData = billingData;
        this.gridAreas = gridAreas;
        this.customers = customers;
        this.search = search;
        this.meteringPoints = meteringPoints;
        this.contracts = contracts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (search.search(CustomerSearchCriteria.all(), 0, 1).totalElements() > 0) {
            return;
        }
        log.info("Empty database: loading demo data");
        meteringPoints.registerGridOwner(ELVIA, "Elvia AS");
        meteringPoints.registerGridOwner(BKK, "BKK AS");
        meteringPoints.registerGridOwner(ARVA, "Arva AS");
        meteringPoints.registerGridOwner(TENSIO, "Tensio TN AS");
        meteringPoints.registerGridOwner(GLITRE, "Glitre Nett AS");
        // the grid area the Elhub stand-in names in its master data (an illustrative EIC, not a real grid area's)
        gridAreas.set("50Y0000000000001", "Demo grid area (Elhub stand-in)", PriceArea.NO1, java.time.LocalDate.of(2020, 1, 1), "demo");

        // Kari: a house in Oslo (NO1) and a cabin at Voss (NO5) on one contract, Norgespris on both.
        Customer kari = person("15038512363", "Kari", "Nordmann", "kari.nordmann@example.no", "912 34 567",
                new PostalAddress("Thereses gate 14", "0452", "Oslo", "NO"));
        MeteringPointId house = point("707057500000000018", PriceArea.NO1, ELVIA,
                new InstallationAddress("Thereses gate 14", "0452", "Oslo", "0301"), EndUserGroup.HOUSEHOLD, null);
        MeteringPointId cabin = point("707057500000000025", PriceArea.NO5, BKK,
                new InstallationAddress("Bavallsvegen 120", "5710", "Skulestadmo", "4621"), EndUserGroup.HOLIDAY_HOME, null);
        contract(kari, List.of(house, cabin), "SPOT");
        norgespris(house, 1);
        norgespris(cabin, 2);

        // Per: household in Kristiansand (NO2) on strømstøtte; born abroad, D-nummer.
        Customer per = person("55059012370", "Per", "Ødegård", "per.odegard@example.no", "+47 412 34 567",
                new PostalAddress("Markens gate 20", "4611", "Kristiansand", "NO"));
        MeteringPointId perHouse = point("707057500000000032", PriceArea.NO2, GLITRE,
                new InstallationAddress("Markens gate 20", "4611", "Kristiansand", "4204"), EndUserGroup.HOUSEHOLD, null);
        contract(per, List.of(perHouse), "VARIABEL");
        meteringPoints.setProperty(perHouse, null, PropertyCode.SETTLED_COMPENSATION, 0, null, FROM);

        // A bakery in Tromsø (NO4, VAT-exempt county), no compensation.
        Customer bakery = organisation("812345672", "Nordlys Bakeri AS", "post@nordlysbakeri.example.no",
                new PostalAddress("Storgata 90", "9008", "Tromsø", "NO"));
        MeteringPointId bakeryPoint = point("707057500000000049", PriceArea.NO4, ARVA,
                new InstallationAddress("Storgata 90", "9008", "Tromsø", "5501"), new EndUserGroup("42"), new IndustryCode("10.710"));
        contract(bakery, List.of(bakeryPoint), "FAST12");
        meteringPoints.setProperty(bakeryPoint, null, PropertyCode.SETTLED_COMPENSATION, 3, null, FROM);

        // A housing cooperative in Trondheim (NO3): shared areas on Norgespris, cap per metering point.
        Customer cooperative = organisation("987654325", "Solsiden Borettslag", "styret@solsiden.example.no",
                new PostalAddress("Beddingen 10", "7042", "Trondheim", "NO"));
        MeteringPointId shared = point("707057500000000056", PriceArea.NO3, TENSIO,
                new InstallationAddress("Beddingen 10", "7042", "Trondheim", "5001"), EndUserGroup.HOUSEHOLD, new IndustryCode("97.001"));
        contract(cooperative, List.of(shared), "SPOT");
        norgespris(shared, 1);

        // A customer without deliveries yet (a lead from the web shop).
        person("29020052099", "Ingrid", "Bjørnstad", "ingrid@example.no", "98765432",
                new PostalAddress("Kongens gate 5", "7011", "Trondheim", "NO"));
        // What billing needs: tariff elements, last month's spot prices, price table and quarter-hour values.
        billingData.load(FROM, java.util.Map.of(house.value(), 450, cabin.value(), 150, perHouse.value(), 500,
                bakeryPoint.value(), 2500, shared.value(), 900));
        log.info("Demo data loaded: 5 customers, 5 metering points, tariffs, last month's spot prices and meter values");
    }

    private Customer person(String nationalId, String first, String last, String email, String mobile, PostalAddress address) {
        return customers.register(new NewCustomer(new CustomerIdentity.Person(new NationalId(nationalId), first, last),
                new ContactDetails(Email.parse(email), MobileNumber.parse(mobile)), address));
    }

    private Customer organisation(String number, String name, String email, PostalAddress address) {
        return customers.register(new NewCustomer(new CustomerIdentity.Organisation(new OrganisationNumber(number), name),
                new ContactDetails(Email.parse(email), null), address));
    }

    private MeteringPointId point(String gsrn, PriceArea area, Gln gridOwner, InstallationAddress address,
            EndUserGroup group, IndustryCode industry) {
        MeteringPointId id = new MeteringPointId(gsrn);
        meteringPoints.register(new NewMeteringPoint(id, FROM, Characteristics.of(area, gridOwner, address, group, industry,
                MeteringResolution.QUARTER_HOURLY, null, null)));
        return id;
    }

    private void contract(Customer customer, List<MeteringPointId> points, String product) {
        contracts.open(new NewContract(customer.number(), FROM,
                points.stream().map(p -> new NewDelivery(p, product, Period.from(FROM))).toList()));
    }

    private void norgespris(MeteringPointId point, int settledCompensation) {
        meteringPoints.setProperty(point, null, PropertyCode.NORGESPRIS, 1, null, NORGESPRIS_FROM);
        meteringPoints.setProperty(point, null, PropertyCode.SETTLED_COMPENSATION, 0, null, FROM);
        meteringPoints.setProperty(point, null, PropertyCode.SETTLED_COMPENSATION, settledCompensation, null, NORGESPRIS_FROM);
    }
}
