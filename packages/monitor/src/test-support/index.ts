/** `@champion/monitor/test-support`: fixtures for tests (never for sources). */
export {
  startRecordingService,
  type RecordingService,
  type RecordingServiceOptions,
} from './recording-service.js';
