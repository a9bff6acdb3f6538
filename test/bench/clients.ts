/** The client, bundled for the benchmark runner (plain Node). */
export { DigitalOceanClient } from '../../src/api';
export { droplet } from '../../src/api/resources/droplet';
