/// The entity classes of the report contract.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
  case person = "PERSON"
  case org = "ORG"
  case place = "PLACE"
  /// Nationalities, groups, events, works.
  case misc = "MISC"
}

/// One mention of a named entity.
public struct EntityMention: Hashable, Sendable, Attributed {
  public var range: TextRange
  public var type: EntityType
  /// Shared by every mention of the same real-world entity in one article ("E1", "E2", …).
  public var entityID: String
  /// The fullest name of the entity in the article ("Bashar al-Assad" for "al-Assad").
  public var canonical: String
  public var rule: String

  public init(
    range: TextRange, type: EntityType, entityID: String = "", canonical: String = "",
    rule: String
  ) {
    self.range = range
    self.type = type
    self.entityID = entityID
    self.canonical = canonical
    self.rule = rule
  }
}
