import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One finished backup archive, so /health can say when the last one ran. */
@Entity('backup_runs')
export class BackupRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'file_name' })
  fileName: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column({ name: 'migration_head', type: 'varchar', nullable: true })
  migrationHead: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
