/** The client, bundled for the benchmark runner (plain Node). */
export { DigitalOceanClient } from '../../src/api';
export { droplet } from '../../src/api/resources/droplet';
export { appLogUrls, LogFollower } from '../../src/api/appLogs';
export { SpacesClient } from '../../src/api/spacesClient';
export { uploadObject, memorySource } from '../../src/api/spacesUpload';
