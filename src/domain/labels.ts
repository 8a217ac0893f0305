/** Human names for the contract's enum values, shared by scoring sentences, the SPA and reports. */
import type {
  Certification,
  Criticality,
  DataClass,
  DataLocation,
  IncidentKind,
  IncidentStatus,
  NetworkAccess,
  Severity,
  VendorStatus,
} from './schemas/vendor'

export const DATA_CLASS_LABELS: Record<DataClass, string> = {
  public: 'public',
  internal: 'internal',
  confidential: 'confidential',
  pii: 'PII',
  payment: 'payment',
  health: 'health',
  credentials: 'credentials',
  source_code: 'source code',
}

export const DATA_LOCATION_LABELS: Record<DataLocation, string> = {
  none: 'Holds none of our data',
  our_environment: 'Our environment',
  vendor_environment: 'Vendor environment (outside our perimeter)',
  both: 'Both environments',
}

export const NETWORK_ACCESS_LABELS: Record<NetworkAccess, string> = {
  none: 'None',
  api: 'API',
  remote: 'Remote (VPN / remote desktop)',
  privileged: 'Privileged (admin / domain / RMM)',
}

export const CRITICALITY_LABELS: Record<Criticality, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
}

export const SEVERITY_LABELS: Record<Severity, string> = CRITICALITY_LABELS

export const CERTIFICATION_LABELS: Record<Certification, string> = {
  soc2_type2: 'SOC 2 Type II',
  iso27001: 'ISO 27001',
  pci_dss: 'PCI DSS',
  hitrust: 'HITRUST',
}

export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  breach: 'Breach',
  ransomware: 'Ransomware',
  claimed_leak: 'Claimed leak',
  outage: 'Outage',
  vulnerability: 'Vulnerability',
}

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'Open',
  contained: 'Contained',
  resolved: 'Resolved',
}

export const VENDOR_STATUS_LABELS: Record<VendorStatus, string> = {
  active: 'Active',
  onboarding: 'Onboarding',
  offboarded: 'Offboarded',
}

/** The fields a person edits on a vendor, by dotted path, with the names forms and change lists show for them. */
export const VENDOR_FIELD_LABELS = {
  name: 'Name',
  category: 'Category',
  owner: 'Owner',
  description: 'Description',
  website: 'Website',
  status: 'Status',
  contractEnd: 'Contract ends',
  'access.dataClasses': 'Data classes',
  'access.records': 'Records held',
  'access.dataLocation': 'Where our data lives',
  'access.networkAccess': 'Network access',
  'access.criticality': 'Business criticality',
  'access.fourthParties': 'Sub-processors',
  'controls.certifications': 'Certifications',
  'controls.mfa': 'MFA enforced',
  'controls.encryptionAtRest': 'Encryption at rest',
  'controls.lastAssessedAt': 'Last assessed',
} as const
export type VendorFieldPath = keyof typeof VENDOR_FIELD_LABELS

export const INCIDENT_FIELD_LABELS = {
  kind: 'Kind',
  severity: 'Severity',
  occurredAt: 'Occurred on',
  status: 'Status',
  resolvedAt: 'Resolved on',
  recordsExposed: 'Records exposed',
  notifiedAfterDays: 'Told us after (days)',
  summary: 'Summary',
  source: 'Source',
} as const
export type IncidentFieldPath = keyof typeof INCIDENT_FIELD_LABELS
