export { doctor, type DoctorReport } from './doctor.js';
export {
  DEFAULT_STALE_MS,
  type DoctorOptions,
  type Finding,
  type FindingKind,
} from './findings.js';
