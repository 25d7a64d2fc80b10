DROP INDEX `annotations_claim_idx`;--> statement-breakpoint
CREATE INDEX `annotations_claim_deleted_idx` ON `annotations` (`claim_id`,`deleted_at`);