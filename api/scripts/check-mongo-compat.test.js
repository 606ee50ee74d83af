const path = require('node:path');
const { scanSource, scanTree } = require('./check-mongo-compat');

describe('check-mongo-compat', () => {
  test.each([
    ['transactions', 'const s = await conn.startSession(); await s.withTransaction(async () => {});'],
    ['$lookup', "Model.aggregate([{ $lookup: { from: 'x' } }])"],
    ['$facet', "Model.aggregate([{ '$facet': {} }])"],
    ['$elemMatch', 'Model.find({ items: { $elemMatch: { a: 1 } } })'],
    ['$cond', "({ $cond: ['$a', 1, 0] })"],
    ['group-accumulator', "Model.aggregate([{ $group: { _id: '$k', avg: { $avg: '$v' } } }])"],
    ['partial-index', 'schema.index({ a: 1 }, { unique: true, partialFilterExpression: { a: { $exists: true } } })'],
    ['sparse-index', 'schema.index({ a: 1 }, { unique: true, sparse: true })'],
    ['collation', "Model.find().collation({ locale: 'zh' })"],
    ['change-stream', 'Model.watch()'],
    ['$inc', 'Model.updateOne({ _id }, { $inc: { n: 1 } })'],
    ['$where', "Model.find({ $where: 'this.a > 1' })"],
    ['guarded-update', 'Model.findOneAndUpdate({ _id, at: mongoose.trusted({ $gt: now }) }, { $set: { x: 1 } })'],
  ])('flags %s', (rule, src) => {
    expect(scanSource(src).map((f) => f.rule)).toContain(rule);
  });

  test('ignores comments and allowed operators', () => {
    expect(scanSource("// we never use $lookup here\nModel.updateOne({ _id }, { $set: { a: 1 }, $push: { list: 2 } })")).toEqual([]);
  });

  test('the API source passes', () => {
    expect(scanTree(path.resolve(__dirname, '..', 'src'))).toEqual([]);
  });
});
