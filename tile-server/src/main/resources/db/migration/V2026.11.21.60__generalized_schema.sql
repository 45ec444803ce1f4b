-- Generalised copies of line layers for low zooms (merged, simplified lines per group), which the
-- tile server builds and rebuilds itself from the layer declarations; nothing else writes here.
create schema if not exists chizu_generalized;
