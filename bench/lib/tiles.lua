-- wrk script (from the anchor harness): cycles through a fixed tile list. Env: TILES_FILE ("z x y" lines), TILE_PATH (path+query with {z} {x} {y}).
local file = os.getenv("TILES_FILE")
local template = os.getenv("TILE_PATH") or "/tiles/roads/{z}/{x}/{y}.mvt"
local paths = {}
for line in io.lines(file) do
  local z, x, y = line:match("(%d+)%s+(%d+)%s+(%d+)")
  if z then
    local p = template:gsub("{z}", z):gsub("{x}", x):gsub("{y}", y)
    paths[#paths + 1] = p
  end
end
local nthreads = 0
function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
end
local i
function init(args)
  i = ((tid or 0) * 97) % #paths   -- threads start at different offsets, deterministic
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
