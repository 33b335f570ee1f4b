// The word lists behind acronym facts: capitals that are not acronyms, expansions everyone knows, and acronyms a reader
// in the field knows without one. Data only.
/** Upper-case words that are not acronyms: English words written in capitals, placeholders, log levels, SQL. */
export const NOT_ACRONYMS = new Set([
  'A', 'I', 'OK', 'AND', 'OR', 'NOT', 'THE', 'TODO', 'FIXME', 'NOTE', 'WARNING', 'IMPORTANT', 'TL', 'DR', 'NB', 'PS',
  'AM', 'PM', 'ID', 'IDS', 'YES', 'NO', 'DONE', 'WIP', 'XX', 'XXX', 'TBD', 'TBA', 'N', 'NA', 'YYYY', 'MM', 'DD', 'HH',
  'DATE', 'NAME', 'TIME', 'NONE', 'NULL', 'TRUE', 'FALSE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'JOIN', 'LEFT', 'SELECT',
  'FROM', 'WHERE', 'ALL', 'ANY', 'NEW', 'OLD', 'USE', 'AGAIN', 'STOP', 'HELP', 'URGENT', 'UPDATE', 'EDIT', 'BUT', 'FOR',
  // short English words written in capitals for emphasis
  'DO', 'IS', 'IT', 'IN', 'ON', 'AT', 'TO', 'BE', 'WE', 'IF', 'SO', 'AN', 'AS', 'BY', 'OF', 'UP', 'MY', 'ME', 'GO',
  'HE', 'OUR', 'ARE', 'WAS', 'NOW', 'ONLY', 'MUST', 'NEVER', 'ALWAYS', 'SHOULD', 'WILL', 'CAN', 'NEED', 'VERY',
  'NOTHING', 'EVERY', 'DOWN', 'OUT', 'OFF', 'NEXT', 'LAST', 'THIS', 'THAT', 'WITH', 'FAIL', 'FAILED', 'PASS', 'OKAY',
  'GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'INSERT', 'CREATE', 'DROP', 'ALTER', 'TABLE', 'INDEX',
  'WARNING', 'CRITICAL', 'FATAL', 'TRACE', 'EOF', 'TBC', 'NOTES', 'LGTM', 'ACK', 'NACK', 'RE', 'FW', 'FWD', 'CC',
  'EN', 'ETC', 'IE', 'EG', 'VS', 'AKA', 'GOTO', 'OUTER', 'INNER', 'TLDR', 'IMO', 'IMHO', 'AFAIK', 'FWIW', 'BTW', 'LOL',
]);

/** Expansions everyone in the field knows: the reader shows them as the usual meaning; the rule never asks for them. */
export const COMMON_ACRONYMS: Record<string, string> = {
  ASAP: 'As Soon As Possible', FYI: 'For Your Information', API: 'Application Programming Interface', AWS: 'Amazon Web Services', CDN: 'Content Delivery Network',
  CI: 'Continuous Integration', CD: 'Continuous Delivery', CLI: 'Command-Line Interface', CPU: 'Central Processing Unit',
  CSS: 'Cascading Style Sheets', DB: 'Database', DNS: 'Domain Name System', GCP: 'Google Cloud Platform',
  GUI: 'Graphical User Interface', HTML: 'HyperText Markup Language', HTTP: 'HyperText Transfer Protocol',
  HTTPS: 'HTTP over TLS', IP: 'Internet Protocol (address)', JSON: 'JavaScript Object Notation', OS: 'Operating System',
  PR: 'Pull Request', RAM: 'Random-Access Memory', SDK: 'Software Development Kit', SLA: 'Service Level Agreement',
  SLO: 'Service Level Objective', SLI: 'Service Level Indicator', SQL: 'Structured Query Language', SRE: 'Site Reliability Engineering',
  SSH: 'Secure Shell', SSL: 'Secure Sockets Layer', TLS: 'Transport Layer Security', TCP: 'Transmission Control Protocol',
  UI: 'User Interface', URL: 'Uniform Resource Locator', UTC: 'Coordinated Universal Time', VM: 'Virtual Machine',
  VPN: 'Virtual Private Network', OOM: 'Out Of Memory', MTTR: 'Mean Time To Recovery', RCA: 'Root Cause Analysis',
  EKS: 'Amazon Elastic Kubernetes Service', GKE: 'Google Kubernetes Engine', EC2: 'Amazon Elastic Compute Cloud',
  RDS: 'Amazon Relational Database Service', IAM: 'Identity and Access Management', MFA: 'Multi-Factor Authentication',
  PST: 'Pacific Standard Time', PDT: 'Pacific Daylight Time', EST: 'Eastern Standard Time', EDT: 'Eastern Daylight Time',
  CET: 'Central European Time', CEST: 'Central European Summer Time', BST: 'British Summer Time', GMT: 'Greenwich Mean Time',
};

/**
 * Acronyms a reader in the field knows without an expansion (the rule's default `known` list; the common ones above
 * are included). Product and company names written in capitals belong here too (AWS, IBM).
 */
export const WELL_KNOWN_ACRONYMS: readonly string[] = [
  ...Object.keys(COMMON_ACRONYMS),
  'URI', 'UUID', 'GUID', 'XML', 'YAML', 'CSV', 'PDF', 'PNG', 'JPEG', 'SVG', 'UTF8', 'ASCII', 'REST', 'RPC', 'GRPC',
  'SOAP', 'SMTP', 'IMAP', 'FTP', 'SFTP', 'NTP', 'BGP', 'UDP', 'ICMP', 'ARP', 'DHCP', 'LAN', 'WAN', 'VPC', 'NAT',
  'CIDR', 'IPV4', 'IPV6', 'TTL', 'MTU', 'QUIC', 'CORS', 'CSRF', 'XSS', 'JWT', 'SSO', 'SAML', 'LDAP', 'RBAC', 'ACL',
  'CA', 'CRL', 'OCSP', 'CSR', 'HSTS', 'WAF', 'DDOS', 'DOS', 'CVE', 'PII', 'GDPR', 'HIPAA', 'PCI', 'SOC', 'ISO',
  'GPU', 'TPU', 'SSD', 'HDD', 'NVME', 'IO', 'IOPS', 'NFS', 'SAN', 'RAID', 'BIOS', 'USB', 'LED', 'JVM', 'JDK', 'JRE',
  'GC', 'JS', 'TS', 'PHP', 'NPM', 'CRUD', 'ORM', 'ETL', 'OLTP', 'CDC', 'ACID', 'LRU', 'FIFO', 'MVP', 'POC', 'QA',
  'UX', 'IDE', 'VCS', 'SHA', 'MD5', 'RSA', 'AES', 'HMAC', 'OTP', 'PIN', 'SMS', 'OTA', 'IOT', 'AI', 'ML', 'LLM',
  'K8S', 'S3', 'EBS', 'EFS', 'ELB', 'ALB', 'NLB', 'SQS', 'SNS', 'ECS', 'ECR', 'AKS', 'ACM', 'KMS', 'ARN', 'AZ',
  'CLB', 'AMI', 'EMR', 'IBM', 'NASA', 'US', 'USA', 'UK', 'EU', 'UN', 'CEO', 'CTO', 'CFO', 'COO', 'CIO', 'VP', 'HR',
  'ETA', 'EOD', 'EOW', 'FAQ', 'RSS', 'IRC', 'SLAS', 'SLOS', 'KPI', 'OKR', 'ROI', 'SAAS', 'PAAS', 'IAAS', 'OSS',
  'GA', 'RC', 'LTS', 'EOL', 'MB', 'GB', 'TB', 'KB', 'PB', 'MS', 'QPS', 'RPS', 'TPS', 'RPO', 'RTO', 'MTTD', 'MTTA',
  'MTBF', 'P50', 'P90', 'P95', 'P99', 'P999', 'NTFS', 'POSIX', 'TTY', 'CMS', 'CRM', 'ERP', 'SEO', 'URL', 'PDT',
  'UTC', 'AEST', 'AEDT', 'IST', 'JST', 'CST', 'CDT', 'MST', 'MDT', 'HTTP2', 'HTTP3', 'H2', 'TCP', 'UDP', 'WWW',
  'SSE', 'NOC', 'SOC2', 'OIDC', 'MX', 'SPF', 'DKIM', 'DMARC', 'CNAME', 'TXT', 'AAAA', 'SRV', 'NS', 'SOA', 'PTR',
  'OAUTH', 'LB', 'HA', 'DR', 'BCP', 'CAB', 'RFC', 'SIG', 'OSI', 'OOMKILLED', 'CRD', 'HPA', 'VPA', 'PVC', 'PV',
  'PDB', 'RBAC', 'CNI', 'CSI', 'CRI', 'DAG', 'SPOF', 'SLT', 'MR', 'CVE', 'GH', 'GHA', 'CICD', 'JIRA', 'USD', 'EUR',
  'GBP', 'ETH', 'BTC', 'EVM', 'ERC', 'NFT', 'NFC', 'RFID', 'ASIC', 'FPGA', 'RAR', 'ZIP', 'EXE', 'DLL', 'TXT', 'GCS', 'GCE', 'ASG',
  'APM', 'UAT', 'VPS', 'PAT', 'ADFS', 'MSK', 'SES', 'AMQP', 'MQTT', 'ELK', 'EFK', 'HAR', 'DOM', 'SPA', 'SSR', 'CSP',
  'SRI', 'NPE', 'SIGTERM', 'SIGKILL', 'PID', 'CWD', 'ENV', 'ARM', 'X86', 'AMD', 'NVIDIA', 'MAC', 'SHA1', 'SHA256',
  'WASM', 'JSONB', 'BLOB', 'CLOB', 'UTF', 'VNET', 'NSG', 'AAD', 'ADO', 'SCM', 'SMB', 'IIS', 'WSL', 'APAC', 'EMEA',
];
