/**
 * A seeded, deterministic demo inventory: plausible vendors across many categories, each with an access
 * profile that fits what such a vendor really does, controls that follow its security maturity, and an
 * incident history that is usually empty. No I/O and no clock: `asOf` anchors every date.
 */
import {
  addDays,
  DATA_CLASSES,
  formatCompact,
  IsoDate,
  type Certification,
  type Criticality,
  type DataClass,
  type DataLocation,
  type Incident,
  type IncidentKind,
  type IncidentStatus,
  type NetworkAccess,
  type Severity,
  type Vendor,
  type VendorStatus,
} from '../../src/domain'
import { createRandom, type Random } from './random'

export interface DemoVendorOptions {
  /** How many vendors; the first is always the spotlight vendor. */
  count?: number | undefined
  seed?: number | undefined
  /** The day the data set describes (YYYY-MM-DD): every date is placed relative to it. */
  asOf?: string | undefined
}

export const DEMO_DEFAULTS = { count: 60, seed: 20241, asOf: '2026-11-26' } as const

/**
 * The first vendor is always the Maxis pattern: a telco's customer-data processor keeps a full copy of the
 * subscriber base on its own platform, and a leak is first heard of on a forum. The breach is outside our
 * network, so our own monitoring sees nothing; the dashboard exists to make this vendor stand out.
 */
export const SPOTLIGHT_VENDOR_ID = 'ven-000001'

type Weights<T> = readonly (readonly [T, number])[]
/** Weights keyed by enum value: the compact way to write a category's profile. */
type Shares<T extends string> = Partial<Record<T, number>>

interface CategoryProfile {
  category: string
  /** Relative share of the inventory. */
  share: number
  /** Words that follow the brand in a company name: "Northgate Payroll Services". */
  nouns: readonly string[]
  /** Internal teams that own such a vendor. */
  teams: readonly string[]
  /** Data classes every vendor of the category touches. */
  data: readonly DataClass[]
  /** Further data classes, each with the chance that a given vendor touches it. */
  extraData: Shares<DataClass>
  /** Log-uniform range of records held. */
  records: readonly [number, number]
  /** Where the data sits when the vendor touches any; a vendor with no data class keeps none. */
  location: Shares<DataLocation>
  network: Shares<NetworkAccess>
  criticality: Shares<Criticality>
  fourthParties: readonly [number, number]
  /** Typical security maturity 0–1: drives certifications, MFA, encryption and assessment freshness. */
  maturity: number
  /** Chance that a vendor of average maturity has any incident on record. */
  incidentRate: number
  descriptions: readonly string[]
}

const PROFILES: readonly CategoryProfile[] = [
  {
    category: 'Cloud hosting',
    share: 5,
    nouns: ['Cloud', 'Hosting', 'Compute', 'Data Centers', 'Infrastructure'],
    teams: ['Platform Engineering', 'Infrastructure'],
    data: ['internal', 'confidential'],
    extraData: { pii: 0.7, source_code: 0.4, credentials: 0.2 },
    records: [100_000, 50_000_000],
    location: { vendor_environment: 3, both: 2 },
    network: { api: 3, privileged: 2 },
    criticality: { high: 2, critical: 3 },
    fourthParties: [0, 3],
    maturity: 0.8,
    incidentRate: 0.3,
    descriptions: [
      'Hosts our production workloads and managed databases in two regions.',
      'Provides managed Kubernetes clusters and object storage for customer-facing services.',
      'Runs our disaster-recovery site and keeps nightly backups of core systems.',
    ],
  },
  {
    category: 'Payroll',
    share: 4,
    nouns: ['Payroll', 'Payroll Services', 'Pay', 'People Pay'],
    teams: ['Finance', 'People & Culture'],
    data: ['pii', 'payment'],
    extraData: { health: 0.15 },
    records: [5_000, 500_000],
    location: { vendor_environment: 1 },
    network: { api: 3, none: 1 },
    criticality: { high: 3, critical: 1 },
    fourthParties: [1, 4],
    maturity: 0.65,
    incidentRate: 0.25,
    descriptions: [
      'Runs monthly payroll, payslips and tax filings for all employees.',
      'Processes payroll and statutory contributions for our regional subsidiaries.',
      'Calculates overtime, bonuses and salary payments from our HR system.',
    ],
  },
  {
    category: 'Customer support BPO',
    share: 5,
    nouns: ['Contact Centers', 'Customer Care', 'CX Solutions', 'Support Services', 'Teleservices'],
    teams: ['Customer Experience', 'Customer Operations'],
    data: ['pii'],
    extraData: { payment: 0.3, internal: 0.6 },
    records: [100_000, 20_000_000],
    location: { our_environment: 2, both: 2, vendor_environment: 1 },
    network: { remote: 4, privileged: 1 },
    criticality: { high: 2, medium: 2 },
    fourthParties: [1, 5],
    maturity: 0.5,
    incidentRate: 0.3,
    descriptions: [
      'Staffs our overflow call centre and answers customer chats around the clock.',
      'Handles first-line customer support by phone and email from two offshore sites.',
      'Runs collections and retention calls using our CRM over remote desktop.',
    ],
  },
  {
    category: 'Billing and payments',
    share: 4,
    nouns: ['Billing', 'Payments', 'Pay', 'Invoicing'],
    teams: ['Finance', 'Revenue Operations'],
    data: ['payment', 'pii'],
    extraData: {},
    records: [50_000, 20_000_000],
    location: { vendor_environment: 4, both: 1 },
    network: { api: 1 },
    criticality: { critical: 2, high: 2 },
    fourthParties: [1, 4],
    maturity: 0.75,
    incidentRate: 0.25,
    descriptions: [
      'Processes card and direct-debit payments for customer subscriptions.',
      'Generates and sends monthly invoices and handles payment reminders.',
      'Tokenises stored cards and runs recurring billing for online orders.',
    ],
  },
  {
    category: 'Marketing automation',
    share: 5,
    nouns: ['Marketing', 'Media', 'Digital', 'Engagement', 'Campaigns'],
    teams: ['Marketing', 'Growth'],
    data: ['pii'],
    extraData: { internal: 0.4 },
    records: [10_000, 5_000_000],
    location: { vendor_environment: 1 },
    network: { none: 2, api: 3 },
    criticality: { low: 3, medium: 2 },
    fourthParties: [1, 6],
    maturity: 0.5,
    incidentRate: 0.2,
    descriptions: [
      'Sends newsletters and promotional email campaigns to opted-in customers.',
      'Runs paid-social audience matching from hashed customer contact lists.',
      'Manages loyalty-programme mailings and event invitations.',
    ],
  },
  {
    category: 'IT services and RMM',
    share: 4,
    nouns: ['IT Services', 'Managed Services', 'Systems', 'Tech Support', 'Networks'],
    teams: ['IT Operations', 'Infrastructure'],
    data: ['credentials', 'internal'],
    extraData: { confidential: 0.6, pii: 0.3 },
    records: [50, 20_000],
    location: { our_environment: 3, both: 2 },
    network: { privileged: 5, remote: 1 },
    criticality: { high: 3, critical: 2 },
    fourthParties: [0, 3],
    maturity: 0.45,
    incidentRate: 0.3,
    descriptions: [
      'Manages our branch-office laptops and servers through a remote monitoring and management agent.',
      'Provides out-of-hours server administration with domain-admin rights.',
      'Patches and monitors our network equipment under a managed-services contract.',
    ],
  },
  {
    category: 'Logistics and shipping',
    share: 4,
    nouns: ['Logistics', 'Freight', 'Couriers', 'Fulfilment', 'Shipping'],
    teams: ['Supply Chain', 'Operations'],
    data: ['pii'],
    extraData: { internal: 0.5 },
    records: [10_000, 3_000_000],
    location: { vendor_environment: 1 },
    network: { api: 4, none: 1 },
    criticality: { medium: 3, high: 1 },
    fourthParties: [0, 3],
    maturity: 0.45,
    incidentRate: 0.25,
    descriptions: [
      'Delivers customer orders and receives delivery addresses through our order API.',
      'Runs our regional warehouse and ships device replacements to customers.',
      'Handles returns and reverse logistics for retail stores.',
    ],
  },
  {
    category: 'Legal services',
    share: 3,
    nouns: ['Legal', 'Law', 'Advisory', 'Chambers', 'Legal Partners'],
    teams: ['Legal', 'Compliance'],
    data: ['confidential'],
    extraData: { pii: 0.4 },
    records: [50, 50_000],
    location: { vendor_environment: 1 },
    network: { none: 1 },
    criticality: { low: 2, medium: 2 },
    fourthParties: [0, 2],
    maturity: 0.5,
    incidentRate: 0.1,
    descriptions: [
      'Outside counsel for commercial contracts and regulatory filings.',
      'Advises on employment disputes and holds related case files.',
      'Handles trademark registrations and litigation support.',
    ],
  },
  {
    category: 'HR and recruiting',
    share: 4,
    nouns: ['Talent', 'Recruiting', 'Staffing', 'People', 'Careers'],
    teams: ['People & Culture', 'Talent Acquisition'],
    data: ['pii'],
    extraData: { health: 0.15, confidential: 0.3 },
    records: [1_000, 200_000],
    location: { vendor_environment: 1 },
    network: { none: 2, api: 3 },
    criticality: { medium: 3, low: 2 },
    fourthParties: [1, 4],
    maturity: 0.55,
    incidentRate: 0.2,
    descriptions: [
      'Hosts our careers site and applicant-tracking workflow.',
      'Supplies contract staff and keeps their onboarding documents.',
      'Runs the annual engagement survey and performance-review platform.',
    ],
  },
  {
    category: 'Analytics and BI',
    share: 4,
    nouns: ['Analytics', 'Insights', 'Data', 'Intelligence', 'Metrics'],
    teams: ['Data & Analytics', 'Product'],
    data: ['internal'],
    extraData: { pii: 0.6, confidential: 0.5 },
    records: [100_000, 50_000_000],
    location: { vendor_environment: 3, both: 1 },
    network: { api: 1 },
    criticality: { medium: 3, high: 1 },
    fourthParties: [1, 5],
    maturity: 0.65,
    incidentRate: 0.2,
    descriptions: [
      'Hosts our product-analytics events and customer dashboards.',
      'Builds churn and usage models from a nightly export of our data warehouse.',
      'Provides the BI tool used for finance and sales reporting.',
    ],
  },
  {
    category: 'Telecom and connectivity',
    share: 4,
    nouns: ['Telecom', 'Networks', 'Connect', 'Communications', 'Fibre'],
    teams: ['Network Engineering', 'IT Operations'],
    data: ['internal'],
    extraData: { pii: 0.4 },
    records: [1_000, 1_000_000],
    location: { vendor_environment: 2, our_environment: 1 },
    network: { remote: 2, api: 2, privileged: 1 },
    criticality: { high: 3, critical: 2 },
    fourthParties: [0, 3],
    maturity: 0.55,
    incidentRate: 0.25,
    descriptions: [
      'Provides our MPLS links, office internet and managed SD-WAN.',
      'Supplies SIP trunking and hosted telephony for the contact centre.',
      'Operates roaming and interconnect services for our mobile network.',
    ],
  },
  {
    category: 'Security tooling',
    share: 4,
    nouns: ['Security', 'Cyber', 'Defense', 'Shield', 'Threat Labs'],
    teams: ['Security Operations', 'CISO Office'],
    data: ['credentials', 'internal'],
    extraData: { confidential: 0.5, pii: 0.3 },
    records: [1_000, 1_000_000],
    location: { both: 3, vendor_environment: 2 },
    network: { privileged: 3, api: 2 },
    criticality: { high: 3, critical: 1 },
    fourthParties: [1, 4],
    maturity: 0.8,
    incidentRate: 0.2,
    descriptions: [
      'Runs the endpoint detection agent on every laptop and server.',
      'Provides our managed SOC and collects security logs from all systems.',
      'Scans our external perimeter and code repositories for vulnerabilities.',
    ],
  },
  {
    category: 'Office SaaS',
    share: 6,
    nouns: ['Docs', 'Workspace', 'Collaboration', 'Productivity', 'Notes', 'Forms'],
    teams: ['IT', 'Workplace Technology'],
    data: ['internal'],
    extraData: { confidential: 0.5, pii: 0.2 },
    records: [100, 200_000],
    location: { vendor_environment: 1 },
    network: { none: 2, api: 3 },
    criticality: { low: 2, medium: 3 },
    fourthParties: [1, 4],
    maturity: 0.7,
    incidentRate: 0.15,
    descriptions: [
      'Team wiki and document collaboration for all staff.',
      'Online forms and e-signature for internal approvals.',
      'Whiteboarding and project-planning tool used by product teams.',
    ],
  },
  {
    category: 'Facilities management',
    share: 4,
    nouns: ['Facilities', 'Cleaning', 'Property Services', 'Maintenance', 'Building Services'],
    teams: ['Workplace', 'Facilities'],
    data: [],
    extraData: { public: 0.2, pii: 0.1 },
    records: [50, 3_000],
    location: { vendor_environment: 1 },
    network: { none: 5, remote: 1 },
    criticality: { low: 4, medium: 1 },
    fourthParties: [0, 1],
    maturity: 0.3,
    incidentRate: 0.05,
    descriptions: [
      'Cleans and maintains our head-office building.',
      'Services the air conditioning and building-management system in our data rooms.',
      'Runs reception, mail room and visitor badges at the main campus.',
    ],
  },
  {
    category: 'Health benefits',
    share: 3,
    nouns: ['Health', 'Benefits', 'Care', 'Wellness', 'Medical'],
    teams: ['People & Culture', 'Benefits'],
    data: ['health', 'pii'],
    extraData: {},
    records: [1_000, 100_000],
    location: { vendor_environment: 1 },
    network: { api: 3, none: 1 },
    criticality: { medium: 3, high: 1 },
    fourthParties: [1, 4],
    maturity: 0.6,
    incidentRate: 0.2,
    descriptions: [
      'Administers employee medical insurance claims and reimbursements.',
      'Runs the employee assistance and occupational-health programme.',
      'Provides the wellness app and annual health screening for staff.',
    ],
  },
  {
    category: 'Software development',
    share: 3,
    nouns: ['Software', 'Labs', 'Digital Studio', 'Engineering', 'Code Works'],
    teams: ['Engineering', 'Product'],
    data: ['source_code'],
    extraData: { credentials: 0.4, internal: 0.6 },
    records: [10, 5_000],
    location: { our_environment: 3, both: 1 },
    network: { remote: 3, api: 1, privileged: 1 },
    criticality: { medium: 3, high: 1 },
    fourthParties: [0, 3],
    maturity: 0.5,
    incidentRate: 0.15,
    descriptions: [
      'Contract developers building our self-service mobile app.',
      'Maintains the legacy billing integration under a time-and-materials contract.',
      'Near-shore QA and test-automation team with access to our repositories.',
    ],
  },
  {
    category: 'Accounting and audit',
    share: 2,
    nouns: ['Accounting', 'Audit', 'Tax Advisory', 'Accountants'],
    teams: ['Finance'],
    data: ['confidential'],
    extraData: { payment: 0.3, pii: 0.4 },
    records: [100, 50_000],
    location: { vendor_environment: 1 },
    network: { none: 3, api: 1 },
    criticality: { medium: 1 },
    fourthParties: [0, 2],
    maturity: 0.6,
    incidentRate: 0.1,
    descriptions: [
      'External auditor for the annual financial statements.',
      'Prepares corporate tax returns and transfer-pricing documentation.',
      'Bookkeeping and month-end close for two subsidiaries.',
    ],
  },
  {
    category: 'Travel management',
    share: 2,
    nouns: ['Travel', 'Journeys', 'Trips', 'Corporate Travel'],
    teams: ['Finance', 'Workplace'],
    data: ['pii', 'payment'],
    extraData: {},
    records: [1_000, 50_000],
    location: { vendor_environment: 1 },
    network: { api: 2, none: 1 },
    criticality: { low: 3, medium: 1 },
    fourthParties: [1, 4],
    maturity: 0.55,
    incidentRate: 0.15,
    descriptions: [
      'Books business travel and keeps traveller profiles with passport details.',
      'Corporate travel agency with a booking tool tied to our corporate cards.',
    ],
  },
  {
    category: 'CRM and sales tools',
    share: 3,
    nouns: ['CRM', 'Sales', 'Leads', 'Pipeline', 'Revenue'],
    teams: ['Sales', 'Revenue Operations'],
    data: ['pii'],
    extraData: { confidential: 0.5 },
    records: [10_000, 5_000_000],
    location: { vendor_environment: 1 },
    network: { api: 1 },
    criticality: { medium: 3, high: 1 },
    fourthParties: [1, 5],
    maturity: 0.7,
    incidentRate: 0.15,
    descriptions: [
      'Hosts our enterprise CRM with accounts, contacts and opportunities.',
      'Sales-engagement platform that sequences emails and calls to prospects.',
      'Lead-enrichment service that appends firmographic data to inbound leads.',
    ],
  },
  {
    category: 'Background screening',
    share: 2,
    nouns: ['Screening', 'Background Checks', 'Verify', 'Vetting'],
    teams: ['Talent Acquisition', 'Security'],
    data: ['pii'],
    extraData: { health: 0.1, confidential: 0.3 },
    records: [1_000, 100_000],
    location: { vendor_environment: 1 },
    network: { api: 2, none: 1 },
    criticality: { low: 2, medium: 2 },
    fourthParties: [1, 3],
    maturity: 0.55,
    incidentRate: 0.2,
    descriptions: [
      'Runs criminal-record and employment-history checks on new hires.',
      'Verifies identity documents and right-to-work for contractors.',
    ],
  },
  {
    category: 'Identity and access',
    share: 2,
    nouns: ['Identity', 'Access', 'Auth', 'Directory', 'Sign-On'],
    teams: ['Identity & Access', 'Security Operations'],
    data: ['credentials', 'pii'],
    extraData: {},
    records: [5_000, 500_000],
    location: { both: 2, vendor_environment: 2 },
    network: { privileged: 2, api: 2 },
    criticality: { critical: 3, high: 1 },
    fourthParties: [1, 3],
    maturity: 0.85,
    incidentRate: 0.2,
    descriptions: [
      'Single sign-on and MFA for every employee application.',
      'Privileged-access vault that brokers admin sessions to our servers.',
      'Customer identity platform behind the self-care app login.',
    ],
  },
  {
    category: 'Records management and shredding',
    share: 2,
    nouns: ['Records Management', 'Shredding', 'Archives', 'Document Services'],
    teams: ['Compliance', 'Workplace'],
    data: ['confidential'],
    extraData: { pii: 0.5 },
    records: [1_000, 1_000_000],
    location: { vendor_environment: 1 },
    network: { none: 1 },
    criticality: { low: 3, medium: 1 },
    fourthParties: [0, 1],
    maturity: 0.35,
    incidentRate: 0.1,
    descriptions: [
      'Stores archived customer contracts and shreds paper records on schedule.',
      'Scans incoming post and keeps the paper originals off site.',
    ],
  },
  {
    category: 'Catering and office supplies',
    share: 2,
    nouns: ['Catering', 'Supplies', 'Office Supplies', 'Kitchens', 'Foods'],
    teams: ['Workplace'],
    data: [],
    extraData: { internal: 0.2 },
    records: [10, 500],
    location: { vendor_environment: 1 },
    network: { none: 1 },
    criticality: { low: 1 },
    fourthParties: [0, 1],
    maturity: 0.25,
    incidentRate: 0.03,
    descriptions: [
      'Runs the staff canteen at head office.',
      'Delivers stationery and pantry supplies to all offices.',
    ],
  },
  {
    category: 'Translation and localisation',
    share: 1,
    nouns: ['Translations', 'Language Services', 'Localisation'],
    teams: ['Marketing', 'Product'],
    data: ['confidential'],
    extraData: { pii: 0.2 },
    records: [100, 10_000],
    location: { vendor_environment: 1 },
    network: { none: 2, api: 1 },
    criticality: { low: 3, medium: 1 },
    fourthParties: [0, 2],
    maturity: 0.5,
    incidentRate: 0.1,
    descriptions: [
      'Translates product copy, contracts and support articles into six languages.',
      'Localises the mobile app and marketing site through a translation-management API.',
    ],
  },
  {
    category: 'Telecom customer data processing',
    share: 1,
    nouns: ['Customer Data', 'Subscriber Services', 'Data Services', 'CRM Services'],
    teams: ['Consumer Mobile', 'Customer Experience'],
    data: ['pii'],
    extraData: { internal: 0.5, payment: 0.2 },
    records: [100_000, 20_000_000],
    location: { vendor_environment: 3, both: 1 },
    network: { api: 3, remote: 1 },
    criticality: { high: 3, critical: 1 },
    fourthParties: [1, 4],
    maturity: 0.45,
    incidentRate: 0.35,
    descriptions: [
      'Processes SIM registration and know-your-customer checks for prepaid subscribers.',
      'Runs subscriber segmentation and retention offers from our customer base.',
      'Hosts the customer-care knowledge base and subscriber interaction history.',
    ],
  },
  {
    category: 'Email and messaging',
    share: 2,
    nouns: ['Messaging', 'Mail', 'SMS', 'Notify'],
    teams: ['Product', 'Marketing'],
    data: ['pii'],
    extraData: { internal: 0.3 },
    records: [100_000, 20_000_000],
    location: { vendor_environment: 1 },
    network: { api: 1 },
    criticality: { medium: 2, high: 2 },
    fourthParties: [1, 3],
    maturity: 0.7,
    incidentRate: 0.2,
    descriptions: [
      'Sends one-time passwords and transactional SMS to customers.',
      'Delivers transactional email such as receipts and password resets.',
    ],
  },
]

const entriesOf = <T extends string>(shares: Shares<T>): Weights<T> =>
  (Object.entries(shares) as [T, number | undefined][]).flatMap(([key, w]) =>
    w === undefined ? [] : [[key, w]],
  )

/** A profile with its weights as lists, ready for Random.weighted(). */
interface Profile extends Omit<CategoryProfile, 'location' | 'network' | 'criticality'> {
  location: Weights<DataLocation>
  network: Weights<NetworkAccess>
  criticality: Weights<Criticality>
}

const PROFILE_WEIGHTS: Weights<Profile> = PROFILES.map((p) => [
  {
    ...p,
    location: entriesOf(p.location),
    network: entriesOf(p.network),
    criticality: entriesOf(p.criticality),
  },
  p.share,
])

/** Word lists live in one string each: a list of 60 short strings would otherwise take 60 lines. */
const words = (text: string): readonly string[] => text.split(' ')

// Brands join two halves ("North" + "gate"), take a whole word or pair two surnames, so that 50,000
// vendors rarely share a name.
const BRAND_HEADS = words(
  'North South East West Blue Silver Iron Cedar Oak Pine Maple Slate Bright Clear Swift True Red ' +
    'Green Gold Sun Moon River Lake Harbor Summit Prime Core Apex Nova Terra Aero Hydro Quant Data ' +
    'Cloud Net Signal Vector Orbit Atlas Delta Echo Falcon Lumen Bay High Deep Far Open Fair Wind ' +
    'Frost Ember Copper Cobalt Amber Jade Sky Coral Granite Birch Elm Willow Aspen Fox Wolf Hawk Raven ' +
    'Tide Storm Rain Snow Crystal Ruby Onyx Arc Axis Pixel Quantum Fusion Ever Kin Bold',
)
const BRAND_TAILS = words(
  'gate field wood stone bridge point line way ridge view works wave path shore light mark port ' +
    'well spring vale ford brook haven crest peak link sync flow scale base grid forge craft vista ' +
    'side hill star wise logic sphere dale mont rock stream cliff glen moor wick ton burg ' +
    'hub labs tech soft ware stack',
)
const BRAND_WORDS = words(
  'Meridian Kestrel Halcyon Corvid Tandem Quorum Sterling Beacon Pinnacle Vantage Keystone Ardent ' +
    'Paragon Zenith Cascade Mosaic Juniper Aurora Borealis Sequoia Tidewater Ironclad Bluefin Redwood ' +
    'Evergreen Lighthouse Compass Anchor Sentinel Bastion Nimbus Stratus Cirrus Polaris Orion Vega ' +
    'Lyra Andes Baltic Nordic Pacific Atlantic Alpine Danube Rhine Thames Hudson Mekong Kinabalu ' +
    'Selangor Borneo Java Malacca Cascadia Sahel Pampas Fjord Tundra Savanna Monsoon Archipelago ' +
    'Equator Tropic Highland Lowland',
)
const LEGAL_SUFFIXES: Weights<string> = [
  ['', 30],
  [' Ltd', 14],
  [' Inc.', 12],
  [' LLC', 6],
  [' GmbH', 4],
  [' Pte Ltd', 4],
  [' Sdn Bhd', 4],
  [' plc', 3],
  [' B.V.', 3],
  [' S.A.', 3],
  [' Group', 6],
  [' & Co.', 2],
  [' AB', 2],
  [' Pty Ltd', 3],
  [' K.K.', 1],
]

const FIRST_NAMES = words(
  'Aisha Ben Carmen Daniel Elif Farid Grace Hiro Ines Jamal Kavya Liam Mei Nadia Omar Priya Quentin ' +
    'Rosa Sven Tariq Uma Victor Wen Ximena Yusuf Zara Andrea Bilal Chloe Dmitri Esther Felix Hana ' +
    'Ivan Joy Kofi',
)
const LAST_NAMES = words(
  'Abdullah Becker Chen Dubois Eriksen Fernandes Gupta Hassan Ito Jensen Kowalski Lim Mensah ' +
    'Nakamura Okafor Petrov Quinn Rahman Silva Tan Usman Varga Wong Yilmaz Zhang Alvarez Brooks Costa ' +
    'Das Ng',
)

const HOSTING_PROVIDERS: Weights<string> = [
  ['Amazon Web Services', 5],
  ['Microsoft Azure', 3],
  ['Google Cloud', 2],
  ['Oracle Cloud', 0.5],
  ['Alibaba Cloud', 0.4],
  ['DigitalOcean', 0.4],
]
const OTHER_FOURTH_PARTIES = [
  'Twilio',
  'Zendesk',
  'Salesforce',
  'Stripe',
  'Cloudflare',
  'Snowflake',
  'Okta',
  'Atlassian',
  'Datadog',
  'MongoDB Atlas',
  'SendGrid',
  'Mailchimp',
  'HubSpot',
  'Slack',
  'DocuSign',
  'Adyen',
  'PayPal',
  'Akamai',
  'Fastly',
  'GitHub',
  'Auth0',
  'Segment',
  'Intercom',
  'Workday',
  'ServiceNow',
  'Elastic Cloud',
  'New Relic',
  'PagerDuty',
  'Box',
  'Dropbox',
  'Zoom',
  'Vonage',
  'Equinix',
  'Plaid',
  'Sinch',
  'Freshworks',
] as const

const NEWS_SITES = ['breach-watch', 'securitydaily', 'infosec-bulletin', 'leak-monitor', 'cyber-wire-news']
const DATA_INCIDENT_SOURCES = [
  'Vendor notification email',
  'Quarterly vendor review',
  'Threat-intelligence feed',
  'Regulator notice',
]
/** Where we would hear of each kind of incident when no public page tells of it. */
const TEXT_SOURCES: Readonly<Record<IncidentKind, readonly string[]>> = {
  breach: DATA_INCIDENT_SOURCES,
  ransomware: [...DATA_INCIDENT_SOURCES, 'Vendor status page'],
  claimed_leak: ['Threat-intelligence feed', 'Dark-web monitoring alert', 'Journalist enquiry'],
  outage: ['Vendor status page', 'Vendor notification email', 'Customer complaints to our contact centre'],
  vulnerability: ['Vendor security advisory', 'Security researcher report', 'Threat-intelligence feed'],
}

const SYSTEMS = [
  'customer database',
  'support portal',
  'file-transfer server',
  'reporting warehouse',
  'admin console',
  'ticketing system',
  'backup storage',
  'CRM instance',
  'email platform',
  'document store',
] as const
const PRODUCTS = [
  'VPN appliance',
  'file-transfer software',
  'web application firewall',
  'remote-access gateway',
  'content-management system',
  'mail server',
  'single sign-on integration',
] as const
const ENTRY_POINTS = [
  'an exposed remote-desktop server',
  'a phishing email to a helpdesk agent',
  'an unpatched VPN appliance',
  'stolen credentials of a service account',
  'a compromised software update',
] as const
const SERVICES = ['customer portal', 'API', 'payment gateway', 'reporting service', 'mobile app backend']

interface IncidentContext {
  r: Random
  records: string
}

const LEAKY_STORES = ['storage bucket', 'database', 'search cluster'] as const
const FAILED_CHANGES = [
  'database migration',
  'network change',
  'certificate rotation',
  'software release',
] as const

const SUMMARIES: Readonly<Record<IncidentKind, readonly ((c: IncidentContext) => string)[]>> = {
  breach: [
    ({ r, records }) =>
      `An attacker used a phished employee password to export ${records} ` +
      `from the vendor's ${r.pick(SYSTEMS)}.`,
    ({ r, records }) =>
      `A misconfigured ${r.pick(LEAKY_STORES)} at the vendor left ${records} ` +
      'publicly readable for several weeks.',
    ({ r, records }) =>
      `A former vendor contractor kept access to the ${r.pick(SYSTEMS)} and downloaded ${records}.`,
    ({ r, records }) =>
      `Attackers exploited an unpatched ${r.pick(PRODUCTS)} at the vendor and copied ${records} ` +
      'before being detected.',
  ],
  ransomware: [
    ({ r }) =>
      `Ransomware encrypted the vendor's ${r.pick(SYSTEMS)} ` +
      'and the operators threatened to publish stolen data.',
    ({ r }) =>
      `A ransomware group entered the vendor through ${r.pick(ENTRY_POINTS)} ` +
      `and took core services offline for ${r.int(2, 14)} days.`,
    ({ r, records }) =>
      `The vendor's file servers were encrypted after an attacker abused ${r.pick(ENTRY_POINTS)}; ` +
      `theft of ${records} was confirmed.`,
  ],
  claimed_leak: [
    ({ records }) =>
      `A threat actor claimed on a leak forum to sell ${records} taken from the vendor; ` +
      'the vendor is investigating.',
    ({ r }) =>
      `A data broker advertised a database allegedly exported from the vendor's ${r.pick(SYSTEMS)}, ` +
      "including our customers' contact details.",
    ({ records }) =>
      'A ransomware group listed the vendor on its leak site ' +
      `and posted sample files said to contain ${records}.`,
  ],
  outage: [
    ({ r }) =>
      `A failed ${r.pick(FAILED_CHANGES)} at the vendor caused a ${r.int(2, 30)}-hour outage ` +
      `of its ${r.pick(SERVICES)}.`,
    ({ r }) =>
      `The vendor's primary data centre lost power and its ${r.pick(SERVICES)} ` +
      `was unavailable for ${r.int(2, 20)} hours.`,
    ({ r }) => `A DDoS attack on the vendor degraded its ${r.pick(SERVICES)} for ${r.int(1, 12)} hours.`,
  ],
  vulnerability: [
    ({ r }) =>
      `A critical remote-code-execution flaw in the vendor's ${r.pick(PRODUCTS)} was disclosed; ` +
      `patching took ${r.int(3, 45)} days.`,
    () =>
      "A security researcher reported an authorisation flaw in the vendor's API " +
      "that let one tenant read another tenant's records.",
    ({ r }) =>
      `The vendor's ${r.pick(PRODUCTS)} was affected by a publicly exploited vulnerability; ` +
      'no misuse of our data was found.',
  ],
}

const INCIDENT_KINDS_WEIGHTED: Weights<IncidentKind> = [
  ['outage', 28],
  ['vulnerability', 24],
  ['breach', 20],
  ['claimed_leak', 16],
  ['ransomware', 12],
]
const SEVERITY_BY_KIND: Readonly<Record<IncidentKind, Weights<Severity>>> = {
  breach: [
    ['low', 10],
    ['medium', 35],
    ['high', 35],
    ['critical', 20],
  ],
  ransomware: [
    ['medium', 20],
    ['high', 45],
    ['critical', 35],
  ],
  claimed_leak: [
    ['low', 15],
    ['medium', 35],
    ['high', 35],
    ['critical', 15],
  ],
  outage: [
    ['low', 35],
    ['medium', 40],
    ['high', 20],
    ['critical', 5],
  ],
  vulnerability: [
    ['low', 25],
    ['medium', 35],
    ['high', 28],
    ['critical', 12],
  ],
}
// Old incidents are almost always closed; an open one never decays in the score, so keep those rare.
const STATUS_RECENT: Weights<IncidentStatus> = [
  ['open', 45],
  ['contained', 35],
  ['resolved', 20],
]
const STATUS_THIS_YEAR: Weights<IncidentStatus> = [
  ['open', 15],
  ['contained', 30],
  ['resolved', 55],
]
const STATUS_OLD: Weights<IncidentStatus> = [
  ['open', 2],
  ['contained', 10],
  ['resolved', 88],
]
/**
 * Chance, per unit of a category's incident rate, that a vendor has weak controls and a serious, unresolved
 * recent incident. Tied to the rate because attackers go where the data and the access are.
 */
const TROUBLED_PER_INCIDENT_RATE = 0.65
const SERIOUS_MAX_AGE_DAYS = 270
const SERIOUS_KINDS: Weights<IncidentKind> = [
  ['breach', 4],
  ['ransomware', 3],
  ['claimed_leak', 3],
]
const SERIOUS_SEVERITIES: Weights<Severity> = [
  ['high', 5],
  ['critical', 5],
]
const SERIOUS_STATUSES: Weights<IncidentStatus> = [
  ['open', 5],
  ['contained', 4],
  ['resolved', 1],
]
const INCIDENT_COUNT: Weights<number> = [
  [1, 55],
  [2, 25],
  [3, 13],
  [4, 7],
]
const STATUSES: Weights<VendorStatus> = [
  ['active', 84],
  ['onboarding', 9],
  ['offboarded', 7],
]

const INCIDENT_HORIZON_DAYS = 6 * 365

const clamp01 = (x: number) => Math.min(1, Math.max(0, x))
const pad6 = (n: number) => String(n).padStart(6, '0')
/**
 * "Northgate" + "Data Centers" → "northgate-data", "Chen & Lim" → "chen-lim": brands and nouns hold letters,
 * hyphens, spaces and "&" only, so no general slug function (and its regular expressions) is needed.
 */
const siteOf = (brandName: string, noun: string) =>
  `${brandName.replace(' & ', '-')}-${noun.split(' ')[0]!}`.toLowerCase()

/** Mutable state shared by one generation run: ids and names must be unique across the whole set. */
interface Run {
  r: Random
  asOf: string
  nextIncident: number
  names: Set<string>
  sites: Set<string>
  /** ISO dates by day offset from `asOf`: a Date parsed and formatted per field was a third of the run time. */
  dates: Map<number, string>
}

function dayFrom(run: Run, offset: number): string {
  let date = run.dates.get(offset)
  if (date === undefined) {
    date = addDays(run.asOf, offset)
    run.dates.set(offset, date)
  }
  return date
}

function incidentId(run: Run): string {
  run.nextIncident += 1
  return `inc-${pad6(run.nextIncident)}`
}

const SPOTLIGHT_SITE = 'nusantara-customer-data'

function spotlightVendor(run: Run): Vendor {
  const records = 12_400_000
  return {
    id: SPOTLIGHT_VENDOR_ID,
    name: 'Nusantara Customer Data Services',
    category: 'Telecom customer data processing',
    owner: 'Aisha Rahman (Consumer Mobile)',
    description:
      "Enriches and stores our mobile subscribers' profiles for customer care and retention campaigns; " +
      'keeps a full copy of the subscriber base on its own platform.',
    website: `https://${SPOTLIGHT_SITE}.example`,
    status: 'active',
    contractEnd: dayFrom(run, 400),
    access: {
      dataClasses: ['internal', 'pii'],
      records,
      dataLocation: 'vendor_environment',
      networkAccess: 'api',
      criticality: 'high',
      fourthParties: ['Amazon Web Services', 'Twilio', 'Snowflake'],
    },
    controls: {
      certifications: [],
      mfa: false,
      encryptionAtRest: true,
      lastAssessedAt: dayFrom(run, -610),
    },
    incidents: [
      {
        id: incidentId(run),
        occurredAt: dayFrom(run, -790),
        kind: 'outage',
        severity: 'medium',
        recordsExposed: 0,
        status: 'resolved',
        notifiedAfterDays: 1,
        summary:
          'A failed database migration at the vendor caused a 9-hour outage of its subscriber-lookup API.',
        source: `https://status.${SPOTLIGHT_SITE}.example/incidents/${dayFrom(run, -790)}`,
      },
      {
        id: incidentId(run),
        occurredAt: dayFrom(run, -24),
        kind: 'claimed_leak',
        severity: 'high',
        recordsExposed: records,
        status: 'open',
        notifiedAfterDays: 9,
        summary:
          "A threat actor claimed on a leak forum to sell our subscribers' records; " +
          "the access was traced to the vendor's own system outside our network.",
        source: 'https://leak-monitor.example/forums/telco-subscriber-database-for-sale',
      },
    ],
  }
}

function uniqueName(run: Run, base: string): string {
  let name = base
  let suffix = 1
  // Case-insensitive, as a human reading the inventory would judge two names to be the same vendor.
  let key = name.toLowerCase()
  while (run.names.has(key)) {
    suffix += 1
    name = `${base} ${suffix}`
    key = name.toLowerCase()
  }
  run.names.add(key)
  return name
}

/** "Northgate Payroll Ltd" and "Northgate Payroll Inc." are different firms and need different websites. */
function uniqueSite(run: Run, base: string): string {
  let site = base
  for (let suffix = 2; run.sites.has(site); suffix++) site = `${base}-${suffix}`
  run.sites.add(site)
  return site
}

function brand(r: Random): string {
  const roll = r.next()
  // Whole words are few, so they stay a minority or every tenth vendor would be called "Meridian …".
  if (roll < 0.78) return r.pick(BRAND_HEADS) + r.pick(BRAND_TAILS)
  if (roll < 0.92) return r.pick(BRAND_WORDS)
  const first = r.pick(LAST_NAMES)
  let second = r.pick(LAST_NAMES)
  if (second === first) second = r.pick(LAST_NAMES)
  return second === first ? first : `${first} & ${second}`
}

function dataClassesFor(r: Random, profile: Profile): DataClass[] {
  const held: DataClass[] = []
  // Walking the schema's order keeps two vendors with the same classes listing them the same way.
  for (const dataClass of DATA_CLASSES) {
    if (profile.data.includes(dataClass)) held.push(dataClass)
    else {
      const p = profile.extraData[dataClass]
      if (p !== undefined && r.chance(p)) held.push(dataClass)
    }
  }
  return held
}

function fourthPartiesFor(r: Random, profile: Profile): string[] {
  const count = r.int(profile.fourthParties[0], profile.fourthParties[1])
  if (count === 0) return []
  // Nearly every SaaS vendor runs on a hyperscaler; the rest are tools it uses to serve us.
  const parties = [r.weighted(HOSTING_PROVIDERS)]
  while (parties.length < count) {
    const party = r.pick(OTHER_FOURTH_PARTIES)
    if (!parties.includes(party)) parties.push(party)
  }
  return parties
}

function certificationsFor(r: Random, maturity: number, classes: readonly DataClass[]): Certification[] {
  const certs: Certification[] = []
  if (r.chance(0.1 + 0.8 * maturity)) certs.push('soc2_type2')
  if (r.chance(0.05 + 0.55 * maturity)) certs.push('iso27001')
  if (r.chance(classes.includes('payment') ? 0.2 + 0.7 * maturity : 0.02)) certs.push('pci_dss')
  if (classes.includes('health') && r.chance(0.1 + 0.5 * maturity)) certs.push('hitrust')
  return certs
}

function incidentSource(run: Run, kind: IncidentKind, occurredAt: string, site: string): string | undefined {
  const { r } = run
  const roll = r.next()
  if (roll < 0.35) {
    if (kind === 'outage') return `https://status.${site}.example/incidents/${occurredAt}`
    return `https://${r.pick(NEWS_SITES)}.example/${occurredAt.slice(0, 4)}/${kind.replace('_', '-')}-${site}`
  }
  if (roll < 0.6) return r.pick(TEXT_SOURCES[kind])
  return undefined
}

function recordsExposedFor(r: Random, kind: IncidentKind, held: number): number {
  if (held === 0 || kind === 'outage') return 0
  if (kind === 'vulnerability') {
    // Most disclosed flaws are patched before anyone uses them; a few leak a sliver of the data.
    return r.chance(0.15) ? r.logUniform(1, Math.max(1, Math.floor(held / 100))) : 0
  }
  // Not every ransomware crew steals before it encrypts.
  if (kind === 'ransomware' && r.chance(0.4)) return 0
  return r.logUniform(Math.max(1, Math.floor(held / 1000)), held)
}

function notificationDelay(r: Random, kind: IncidentKind, age: number): number | undefined {
  const roll = r.next()
  if (roll < 0.1) return undefined
  // An outage announces itself; data incidents are the ones vendors sit on for weeks.
  const days =
    kind === 'outage'
      ? r.int(0, roll < 0.8 ? 1 : 5)
      : roll < 0.8
        ? r.int(0, 3)
        : roll < 0.92
          ? r.int(4, 19)
          : r.int(20, 90)
  // A vendor cannot have told us later than today.
  return Math.min(days, age)
}

/** `serious`: a recent data incident of high or critical severity that is not yet resolved. */
function incidentFor(run: Run, held: number, site: string, serious: boolean): Incident {
  const { r } = run
  const kind = r.weighted(serious ? SERIOUS_KINDS : INCIDENT_KINDS_WEIGHTED)
  // Skewed towards recent: old incidents drop out of questionnaires and news searches; recent ones are
  // still being tracked.
  const age = serious
    ? r.int(0, SERIOUS_MAX_AGE_DAYS)
    : Math.floor(INCIDENT_HORIZON_DAYS * Math.pow(r.next(), 1.5))
  const occurredAt = dayFrom(run, -age)
  const recordsExposed = recordsExposedFor(r, kind, held)
  const records =
    recordsExposed > 0 ? `${formatCompact(recordsExposed)} of our records` : 'an unknown number of records'
  const incident: Incident = {
    id: incidentId(run),
    occurredAt,
    kind,
    severity: r.weighted(serious ? SERIOUS_SEVERITIES : SEVERITY_BY_KIND[kind]),
    recordsExposed,
    status: r.weighted(
      serious ? SERIOUS_STATUSES : age <= 45 ? STATUS_RECENT : age <= 365 ? STATUS_THIS_YEAR : STATUS_OLD,
    ),
    summary: r.pick(SUMMARIES[kind])({ r, records }),
  }
  const notifiedAfterDays = notificationDelay(r, kind, age)
  if (notifiedAfterDays !== undefined) incident.notifiedAfterDays = notifiedAfterDays
  const source = incidentSource(run, kind, occurredAt, site)
  if (source !== undefined) incident.source = source
  return incident
}

function contractEndFor(run: Run, status: VendorStatus): string | undefined {
  const { r } = run
  if (status === 'onboarding') return dayFrom(run, r.int(365, 1460))
  if (status === 'offboarded') return dayFrom(run, -r.int(1, 900))
  // Some active contracts roll over with no fixed end; a few have lapsed and await renewal.
  return r.chance(0.1) ? undefined : dayFrom(run, r.int(-30, 1095))
}

function lastAssessedFor(run: Run, status: VendorStatus, maturity: number): string | undefined {
  const { r } = run
  const never = status === 'onboarding' ? 0.5 : 0.04 + 0.1 * (1 - maturity)
  if (r.chance(never)) return undefined
  // Mature vendors are reviewed on time; immature ones drift up to about three years.
  return dayFrom(run, -r.int(0, Math.round(300 + 800 * (1 - maturity))))
}

function randomVendor(run: Run, index: number): Vendor {
  const { r } = run
  const profile = r.weighted(PROFILE_WEIGHTS)
  // Weak hygiene and a serious recent incident tend to come together; such vendors are what the critical
  // and high tiers exist for, so the demo needs a few of them in every category.
  const troubled = r.chance(profile.incidentRate * TROUBLED_PER_INCIDENT_RATE)
  const maturity = troubled ? r.next() * 0.3 : clamp01(profile.maturity + (r.next() + r.next() - 1) * 0.5)
  const status = r.weighted(STATUSES)

  const brandName = brand(r)
  const noun = r.pick(profile.nouns)
  const name = uniqueName(run, `${brandName} ${noun}${r.weighted(LEGAL_SUFFIXES)}`)
  const site = uniqueSite(run, siteOf(brandName, noun))

  const dataClasses = dataClassesFor(r, profile)
  const holdsData = dataClasses.length > 0
  const records = holdsData ? r.logUniform(profile.records[0], profile.records[1]) : 0
  const certifications = certificationsFor(r, maturity, dataClasses)

  const description =
    r.pick(profile.descriptions) +
    (status === 'onboarding'
      ? ' Onboarding started this quarter.'
      : status === 'offboarded'
        ? holdsData
          ? ' Contract ended; deletion of our data is still to be confirmed.'
          : ' Contract ended.'
        : '')

  const vendor: Vendor = {
    id: `ven-${pad6(index + 1)}`,
    name,
    category: profile.category,
    owner: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)} (${r.pick(profile.teams)})`,
    description,
    website: `https://${site}.example`,
    status,
    access: {
      dataClasses,
      records,
      dataLocation: holdsData ? r.weighted(profile.location) : 'none',
      networkAccess: r.weighted(profile.network),
      criticality: r.weighted(profile.criticality),
      fourthParties: fourthPartiesFor(r, profile),
    },
    controls: {
      certifications,
      mfa: r.chance(troubled ? 0.3 : 0.5 + 0.48 * maturity),
      encryptionAtRest: r.chance(0.55 + 0.43 * maturity),
    },
    incidents: [],
  }
  const contractEnd = contractEndFor(run, status)
  if (contractEnd !== undefined) vendor.contractEnd = contractEnd
  const lastAssessedAt = lastAssessedFor(run, status, maturity)
  if (lastAssessedAt !== undefined) vendor.controls.lastAssessedAt = lastAssessedAt

  if (troubled || r.chance(profile.incidentRate * (2 - 1.4 * maturity))) {
    const count = r.weighted(INCIDENT_COUNT)
    const incidents: Incident[] = []
    for (let k = 0; k < count; k++) incidents.push(incidentFor(run, records, site, troubled && k === 0))
    // Newest first, as an incident list is read.
    incidents.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0))
    vendor.incidents = incidents
  }
  return vendor
}

/**
 * Generates `count` vendors. Vendors are drawn one after another from a single seeded stream, so a larger
 * count extends a smaller one with the same seed and `asOf` instead of reshuffling it.
 */
export function generateDemoVendors(options: DemoVendorOptions = {}): Vendor[] {
  const count = options.count ?? DEMO_DEFAULTS.count
  const seed = options.seed ?? DEMO_DEFAULTS.seed
  const asOf = options.asOf ?? DEMO_DEFAULTS.asOf
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number >= 0, got ${count}`)
  }
  if (!IsoDate.safeParse(asOf).success) throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${asOf}`)

  const run: Run = {
    r: createRandom(seed),
    asOf,
    nextIncident: 0,
    names: new Set(),
    sites: new Set(),
    dates: new Map(),
  }
  const vendors: Vendor[] = []
  if (count === 0) return vendors
  const spotlight = spotlightVendor(run)
  run.names.add(spotlight.name.toLowerCase())
  run.sites.add(SPOTLIGHT_SITE)
  vendors.push(spotlight)
  for (let i = 1; i < count; i++) vendors.push(randomVendor(run, i))
  return vendors
}
