// The TypeORM CLI's entry (npm run migration:run / migration:generate).
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

const config = loadConfig();
export default new DataSource({
  ...dataSourceOptions(config.DATABASE_URL),
  entities: [`${__dirname}/../../../*/src/**/*.entity.ts`],
});
