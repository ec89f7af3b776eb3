// The platform's catalogues in English, by code: the gateway names agencies and purposes in Vietnamese,
// and gives legal bases' titles in English already.
import type { catalogue as vi } from '../vi/catalogue.ts';

export const catalogue: typeof vi = {
  legalBasisTitles: {},
  agencyNames: {
    'bhxh-tinh': 'Hưng Yên Provincial Social Insurance',
    'cong-an-tinh': 'Hưng Yên Provincial Police',
    'so-khoa-hoc-cong-nghe': 'Hưng Yên Department of Science and Technology',
    'so-noi-vu': 'Hưng Yên Department of Home Affairs',
    'so-nong-nghiep-moi-truong': 'Hưng Yên Department of Agriculture and Environment',
    'so-tai-chinh': 'Hưng Yên Department of Finance',
    'so-tu-phap': 'Hưng Yên Department of Justice',
    'so-y-te': 'Hưng Yên Department of Health',
    'thue-tinh': 'Hưng Yên Provincial Tax Office',
    'ubnd-tinh': "Hưng Yên Provincial People's Committee",
  },
  purposeNames: {
    'business-registration': 'Business registration',
    'citizen-self-service': 'Reading your own data',
    'civil-status-procedure': 'Civil-status procedure',
    'criminal-investigation': 'Criminal investigation',
    'data-protection-oversight': 'Data-protection oversight',
    'land-administration': 'Land administration',
    'open-data-feedback': 'Answering open-data feedback',
    'public-service-delivery': 'Handling an administrative procedure',
    'residence-management': 'Residence management',
    'social-assistance': 'Social assistance',
    'social-insurance': 'Social and health insurance',
    statistics: 'Statistics',
    'tax-administration': 'Tax administration',
  },
};
