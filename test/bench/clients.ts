/** The client, bundled for the benchmark runner (plain Node). */
export { DigitalOceanClient, droplet } from '../../src/api';
